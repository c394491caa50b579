import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { accountTexts } from './account.texts';
import { SignInMethods } from './SignInMethods';

/** The profile part of what the workspace holds about a person. */
export const ProfileSection_data = graphql(`
  fragment ProfileSection_data on PersonalData {
    person {
      id
      name
      email
      systemRole
    }
    signIn {
      ...SignInMethods_methods
    }
    groups {
      group
      actionFieldKey
    }
    bodies
  }
`);

/** The counts of a person's contributions. */
export const ContributionsSection_data = graphql(`
  fragment ContributionsSection_data on PersonalData {
    commentCount
    tasks {
      id
    }
    activity {
      id
    }
    notificationCount
  }
`);

/**
 * Name, e-mail address, role, memberships and sign-in methods of a person: on "Meine Daten" and
 * on an admin's view of someone else's data.
 */
export function ProfileSection(props: { data: FragmentType<typeof ProfileSection_data> }) {
  const { t } = useFeatureTranslation(accountTexts);
  const { t: tc } = useTranslation();
  const headingId = useId();
  const data = getFragmentData(ProfileSection_data, props.data);
  const memberships = [...data.groups.map((g) => g.group), ...data.bodies];
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('myData.profile')}</h2>
      <dl className="facts">
        <dt>{t('myData.name')}</dt>
        <dd>{data.person.name}</dd>
        <dt>{t('myData.email')}</dt>
        <dd>{data.person.email}</dd>
        <dt>{t('myData.role')}</dt>
        <dd>{data.person.systemRole ? tc(`systemRole.${data.person.systemRole}`) : '–'}</dd>
        <dt>{t('myData.memberships')}</dt>
        <dd>{memberships.length === 0 ? t('myData.none') : memberships.join(', ')}</dd>
      </dl>
      <p>
        <SignInMethods methods={data.signIn} />
      </p>
    </section>
  );
}

/** How many comments, tasks, activity entries and notifications the workspace holds. */
export function ContributionsSection(props: {
  data: FragmentType<typeof ContributionsSection_data>;
}) {
  const { t } = useFeatureTranslation(accountTexts);
  const headingId = useId();
  const data = getFragmentData(ContributionsSection_data, props.data);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('myData.contributions')}</h2>
      <ul className="plain-list">
        <li>{t('myData.comments', { count: data.commentCount })}</li>
        <li>{t('myData.tasks', { count: data.tasks.length })}</li>
        <li>{t('myData.activity', { count: data.activity.length })}</li>
        <li>{t('myData.notifications', { count: data.notificationCount })}</li>
      </ul>
    </section>
  );
}
