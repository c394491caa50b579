/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SetLocale($locale: Locale!) {\n    setLocale(locale: $locale) {\n      id\n      locale\n    }\n  }\n": typeof types.SetLocaleDocument,
    "\n  mutation EndSession {\n    endSession {\n      signedOut\n      providerLogoutUrl\n    }\n  }\n": typeof types.EndSessionDocument,
    "\n  query AppViewer {\n    viewer {\n      id\n      locale\n      canInvite\n      canManagePeople\n      canManageBodies\n      actionFieldKeysICanManage\n      person {\n        id\n        name\n        email\n        systemRole\n        organisation {\n          id\n          name\n        }\n        bodies {\n          id\n          name\n          kind\n        }\n        groupMemberships {\n          role\n          group {\n            id\n            actionFieldKey\n          }\n        }\n      }\n    }\n  }\n": typeof types.AppViewerDocument,
    "\n  query CityAccountOptions {\n    signInOptions {\n      cityAccountLabel\n      cityAccountPath\n      cityAccountContact\n    }\n  }\n": typeof types.CityAccountOptionsDocument,
    "\n  query MyData {\n    personalData {\n      person {\n        id\n        name\n        email\n        systemRole\n      }\n      signIn {\n        ...SignInMethods_methods\n      }\n      groups {\n        group\n        actionFieldKey\n      }\n      bodies\n      sessions {\n        id\n        createdAt\n        userAgent\n        current\n      }\n      commentCount\n      tasks {\n        id\n      }\n      activity {\n        id\n      }\n      notificationCount\n      exportPath\n      canDelete\n    }\n  }\n": typeof types.MyDataDocument,
    "\n  mutation EndDeviceSession($input: EndDeviceSessionInput!) {\n    endDeviceSession(input: $input)\n  }\n": typeof types.EndDeviceSessionDocument,
    "\n  mutation DeleteOwnAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input) {\n      deletedPersonId\n      signedOut\n    }\n  }\n": typeof types.DeleteOwnAccountDocument,
    "\n  query SecurityPage {\n    viewer {\n      id\n      signInMethod\n      canAdministerPeopleData\n      secondFactor {\n        enabled\n        requiredForRole\n        setupRequired\n        recoveryCodesLeft\n      }\n    }\n  }\n": typeof types.SecurityPageDocument,
    "\n  query SignInSettings {\n    signInSettings {\n      passwordForCityAccounts\n      cityAccountConfigured\n    }\n  }\n": typeof types.SignInSettingsDocument,
    "\n  mutation StartSecondFactorSetup {\n    startSecondFactorSetup {\n      secret\n      qrCode\n    }\n  }\n": typeof types.StartSecondFactorSetupDocument,
    "\n  mutation ConfirmSecondFactorSetup($input: SecondFactorCodeInput!) {\n    confirmSecondFactorSetup(input: $input) {\n      recoveryCodes\n      viewer {\n        id\n      }\n    }\n  }\n": typeof types.ConfirmSecondFactorSetupDocument,
    "\n  mutation RegenerateRecoveryCodes($input: SecondFactorCodeInput!) {\n    regenerateRecoveryCodes(input: $input)\n  }\n": typeof types.RegenerateRecoveryCodesDocument,
    "\n  mutation DisableSecondFactor($input: SecondFactorCodeInput!) {\n    disableSecondFactor(input: $input) {\n      id\n    }\n  }\n": typeof types.DisableSecondFactorDocument,
    "\n  mutation SetPasswordSignInForCityAccounts($enabled: Boolean!) {\n    setPasswordSignInForCityAccounts(enabled: $enabled) {\n      passwordForCityAccounts\n      cityAccountConfigured\n    }\n  }\n": typeof types.SetPasswordSignInForCityAccountsDocument,
    "\n  fragment SignInMethods_methods on PersonSignIn {\n    password\n    cityAccount\n    secondFactor\n  }\n": typeof types.SignInMethods_MethodsFragmentDoc,
    "\n  query ActionFieldPage($key: String!) {\n    actionField(key: $key) {\n      key\n      name {\n        de\n        en\n      }\n      description {\n        de\n        en\n      }\n      viewerCanManage\n      viewerCanCreateDocument\n      group {\n        id\n        name {\n          de\n          en\n        }\n        memberCount\n        ...MemberList_group\n      }\n      documents {\n        id\n        ...DocumentList_document\n      }\n      milestones {\n        id\n        ...MilestoneTimeline_milestone\n      }\n    }\n  }\n": typeof types.ActionFieldPageDocument,
    "\n  mutation CreateDocument($input: CreateDocumentInput!) {\n    createDocument(input: $input) {\n      document {\n        id\n      }\n    }\n  }\n": typeof types.CreateDocumentDocument,
    "\n  fragment DocumentList_document on Document {\n    id\n    title\n    kind\n    status\n    reviewDeadline\n    commentCount\n    contentUpdatedAt\n  }\n": typeof types.DocumentList_DocumentFragmentDoc,
    "\n  fragment MemberList_group on ExpertGroup {\n    id\n    name {\n      de\n      en\n    }\n    members {\n      personId\n      name\n      organisationName\n      role\n      sector\n    }\n    pendingMembers {\n      personId\n      name\n      role\n      sector\n    }\n  }\n": typeof types.MemberList_GroupFragmentDoc,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      name\n      expiresAt\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer {\n        id\n      }\n      secondFactorChallenge\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation CompleteSignIn($input: CompleteSignInInput!) {\n    completeSignIn(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n": typeof types.CompleteSignInDocument,
    "\n  query SignInOptions {\n    signInOptions {\n      cityAccountLabel\n      cityAccountPath\n    }\n  }\n": typeof types.SignInOptionsDocument,
    "\n  fragment CommentThread_thread on CommentThread {\n    id\n    anchor\n    quote\n    visibility\n    resolved\n    resolvedAt\n    resolvedBy {\n      id\n      name\n    }\n    viewerCanReply\n    viewerCanResolve\n    createdAt\n    comments {\n      id\n      body\n      createdAt\n      author {\n        id\n        name\n      }\n      organisation {\n        id\n        name\n      }\n      onBehalfOf {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CommentThread_ThreadFragmentDoc,
    "\n  query DocumentComments($documentId: ID!) {\n    comments(documentId: $documentId) {\n      id\n      ...CommentThread_thread\n    }\n  }\n": typeof types.DocumentCommentsDocument,
    "\n  subscription CommentChanged($documentId: ID!) {\n    commentChanged(documentId: $documentId) {\n      kind\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n": typeof types.CommentChangedDocument,
    "\n  mutation CreateComment($input: CreateCommentInput!) {\n    createComment(input: $input) {\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n": typeof types.CreateCommentDocument,
    "\n  mutation ReplyToComment($input: ReplyToCommentInput!) {\n    replyToComment(input: $input) {\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n": typeof types.ReplyToCommentDocument,
    "\n  mutation ResolveComment($threadId: ID!) {\n    resolveComment(threadId: $threadId) {\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n": typeof types.ResolveCommentDocument,
    "\n  mutation ReopenComment($threadId: ID!) {\n    reopenComment(threadId: $threadId) {\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n": typeof types.ReopenCommentDocument,
    "\n  query MentionCandidates($documentId: ID!, $visibility: CommentVisibility!, $search: String) {\n    mentionCandidates(documentId: $documentId, visibility: $visibility, search: $search) {\n      id\n      name\n    }\n  }\n": typeof types.MentionCandidatesDocument,
    "\n  fragment ActionFieldCard_summary on ActionFieldSummary {\n    actionField {\n      key\n      name {\n        de\n        en\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n    viewerSeesInside\n    documentCounts {\n      status\n      count\n    }\n    openTaskCount\n    overdueTaskCount\n    nextMilestone {\n      id\n      title\n      date\n    }\n  }\n": typeof types.ActionFieldCard_SummaryFragmentDoc,
    "\n  fragment ActivityList_activity on Activity {\n    id\n    verb\n    actorName\n    subjectTitle\n    detail\n    documentId\n    createdAt\n  }\n": typeof types.ActivityList_ActivityFragmentDoc,
    "\n  query Dashboard {\n    dashboard {\n      process {\n        id\n        title\n        description\n        periodStart\n        periodEnd\n        budgetLines {\n          id\n          amountEur\n          year\n          source\n        }\n      }\n      myWork {\n        roles\n        items {\n          id\n          role\n          kind\n          ...WorkList_item\n        }\n      }\n      actionFields {\n        actionField {\n          key\n        }\n        ...ActionFieldCard_summary\n      }\n      upcomingMilestones {\n        id\n        ...MilestoneTimeline_milestone\n      }\n      myTasks {\n        id\n        ...TaskCard_task\n      }\n      recentActivity {\n        id\n        ...ActivityList_activity\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  subscription DashboardTaskChanged {\n    taskChanged {\n      kind\n      taskId\n    }\n  }\n": typeof types.DashboardTaskChangedDocument,
    "\n  mutation DashboardMoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n": typeof types.DashboardMoveTaskDocument,
    "\n  fragment MilestoneTimeline_milestone on Milestone {\n    id\n    title\n    date\n    done\n    actionFieldKey\n  }\n": typeof types.MilestoneTimeline_MilestoneFragmentDoc,
    "\n  query DocumentPage($id: ID!) {\n    document(id: $id) {\n      id\n      title\n      kind\n      status\n      actionFieldKey\n      reviewDeadline\n      viewerMode\n      viewerCanEdit\n      viewerCanComment\n      viewerStatusTransitions\n      group {\n        id\n        name {\n          de\n          en\n        }\n      }\n      sharedWith {\n        id\n        name\n      }\n    }\n  }\n": typeof types.DocumentPageDocument,
    "\n  mutation MarkDocumentSeen($documentId: ID!) {\n    markDocumentSeen(documentId: $documentId) {\n      seenAt\n    }\n  }\n": typeof types.MarkDocumentSeenDocument,
    "\n  mutation CollabTicket($documentId: ID!) {\n    collabTicket(documentId: $documentId) {\n      ticket\n      url\n      mode\n    }\n  }\n": typeof types.CollabTicketDocument,
    "\n  query ReviewBodies {\n    bodies {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.ReviewBodiesDocument,
    "\n  mutation ChangeDocumentStatus($input: ChangeDocumentStatusInput!) {\n    changeDocumentStatus(input: $input) {\n      document {\n        id\n        status\n        reviewDeadline\n        viewerMode\n        viewerCanEdit\n        viewerCanComment\n        viewerStatusTransitions\n        sharedWith {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ChangeDocumentStatusDocument,
    "\n  mutation RenameDocument($input: UpdateDocumentInput!) {\n    updateDocument(input: $input) {\n      document {\n        id\n        title\n      }\n    }\n  }\n": typeof types.RenameDocumentDocument,
    "\n  mutation CreateMilestone($input: CreateMilestoneInput!) {\n    createMilestone(input: $input) {\n      milestone {\n        id\n        title\n      }\n    }\n  }\n": typeof types.CreateMilestoneDocument,
    "\n  mutation UpdateMilestone($input: UpdateMilestoneInput!) {\n    updateMilestone(input: $input) {\n      milestone {\n        id\n        title\n        date\n        done\n      }\n    }\n  }\n": typeof types.UpdateMilestoneDocument,
    "\n  query MilestonesPage {\n    process {\n      id\n      viewerCanManageMilestones\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n        viewerCanManageMilestones\n      }\n      milestones {\n        id\n        title\n        date\n        done\n        actionFieldKey\n        viewerCanManage\n      }\n    }\n  }\n": typeof types.MilestonesPageDocument,
    "\n  mutation DeleteMilestone($milestoneId: ID!) {\n    deleteMilestone(milestoneId: $milestoneId) {\n      deletedMilestoneId\n    }\n  }\n": typeof types.DeleteMilestoneDocument,
    "\n  query DevOutbox {\n    devOutbox(first: 50) {\n      id\n      to\n      subject\n      text\n      html\n      kind\n      status\n      unsubscribeUrl\n      createdAt\n    }\n  }\n": typeof types.DevOutboxDocument,
    "\n  query BellNotifications {\n    devOutboxAvailable\n    notifications(first: 8) {\n      nodes {\n        id\n        ...NotificationItem_notification\n      }\n    }\n  }\n": typeof types.BellNotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  fragment NotificationItem_notification on Notification {\n    id\n    kind\n    title\n    body\n    link\n    read\n    createdAt\n  }\n": typeof types.NotificationItem_NotificationFragmentDoc,
    "\n  query NotificationSettings {\n    notificationSettings {\n      email {\n        kind\n        mode\n      }\n    }\n  }\n": typeof types.NotificationSettingsDocument,
    "\n  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      settings {\n        email {\n          kind\n          mode\n        }\n      }\n    }\n  }\n": typeof types.UpdateNotificationSettingsDocument,
    "\n  query NotificationsPage($after: String, $unreadOnly: Boolean) {\n    unreadNotificationCount\n    notifications(first: 30, after: $after, unreadOnly: $unreadOnly) {\n      nodes {\n        id\n        ...NotificationItem_notification\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.NotificationsPageDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      notification {\n        id\n        read\n      }\n      unreadCount\n    }\n  }\n": typeof types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      markedCount\n      unreadCount\n    }\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  mutation AddGroupMember($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": typeof types.AddGroupMemberDocument,
    "\n  mutation AddBodyMember($input: BodyMemberInput!) {\n    addBodyMember(input: $input) {\n      body {\n        id\n        memberCount\n      }\n    }\n  }\n": typeof types.AddBodyMemberDocument,
    "\n  mutation CreateInvitation($input: CreateInvitationInput!) {\n    createInvitation(input: $input) {\n      invitation {\n        id\n        email\n        name\n        link\n        expiresAt\n      }\n    }\n  }\n": typeof types.CreateInvitationDocument,
    "\n  mutation ChangeGroupRole($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": typeof types.ChangeGroupRoleDocument,
    "\n  mutation RemoveGroupMember($input: RemoveGroupMemberInput!) {\n    removeGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": typeof types.RemoveGroupMemberDocument,
    "\n  mutation RemoveBodyMember($input: BodyMemberInput!) {\n    removeBodyMember(input: $input) {\n      body {\n        id\n        memberCount\n      }\n    }\n  }\n": typeof types.RemoveBodyMemberDocument,
    "\n  query PeoplePage($filter: PeopleFilter) {\n    people(filter: $filter) {\n      id\n      name\n      email\n      status\n      systemRole\n      signInMethods {\n        ...SignInMethods_methods\n      }\n      organisation {\n        id\n        name\n      }\n      groupMemberships {\n        role\n        sector\n        group {\n          id\n          actionFieldKey\n          name {\n            de\n            en\n          }\n        }\n      }\n      pendingGroupMemberships {\n        role\n        group {\n          id\n          name {\n            de\n            en\n          }\n        }\n      }\n      bodies {\n        id\n        name\n      }\n    }\n    organisations {\n      id\n      name\n      partnerType\n    }\n    process {\n      id\n      actionFields {\n        key\n        group {\n          id\n          name {\n            de\n            en\n          }\n        }\n      }\n      bodies {\n        id\n        name\n        kind\n      }\n    }\n  }\n": typeof types.PeoplePageDocument,
    "\n  mutation DeactivatePerson($personId: ID!) {\n    deactivatePerson(personId: $personId) {\n      person {\n        id\n        status\n      }\n    }\n  }\n": typeof types.DeactivatePersonDocument,
    "\n  mutation ReactivatePerson($personId: ID!) {\n    reactivatePerson(personId: $personId) {\n      person {\n        id\n        status\n      }\n    }\n  }\n": typeof types.ReactivatePersonDocument,
    "\n  query SearchPage($query: String!) {\n    search(query: $query, first: 40) {\n      total\n      hits {\n        id\n        type\n        title\n        context\n        link\n        snippet {\n          text\n          highlight\n        }\n      }\n    }\n  }\n": typeof types.SearchPageDocument,
    "\n  fragment TaskCard_task on Task {\n    id\n    title\n    description\n    status\n    priority\n    deadline\n    overdue\n    actionFieldKey\n    viewerCanEdit\n    viewerCanDelete\n    assignees {\n      id\n      name\n    }\n    document {\n      id\n      title\n    }\n  }\n": typeof types.TaskCard_TaskFragmentDoc,
    "\n  query TaskWorkspace($filter: TaskFilter, $orderBy: TaskOrder, $first: Int) {\n    tasks(filter: $filter, orderBy: $orderBy, first: $first) {\n      totalCount\n      nodes {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n": typeof types.TaskWorkspaceDocument,
    "\n  query TaskOptions {\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n        viewerCanWorkOnTasks\n      }\n    }\n    people {\n      id\n      name\n      status\n    }\n  }\n": typeof types.TaskOptionsDocument,
    "\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n": typeof types.CreateTaskDocument,
    "\n  mutation UpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n": typeof types.UpdateTaskDocument,
    "\n  mutation DeleteTask($taskId: ID!) {\n    deleteTask(taskId: $taskId) {\n      deletedTaskId\n    }\n  }\n": typeof types.DeleteTaskDocument,
    "\n  mutation RestoreTask($taskId: ID!) {\n    restoreTask(taskId: $taskId) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n": typeof types.RestoreTaskDocument,
    "\n  mutation MoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n": typeof types.MoveTaskDocument,
    "\n  subscription TaskChanged($actionFieldKey: String) {\n    taskChanged(actionFieldKey: $actionFieldKey) {\n      kind\n      taskId\n    }\n  }\n": typeof types.TaskChangedDocument,
    "\n  query TaskFilterOptions {\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n      }\n    }\n    people {\n      id\n      name\n    }\n  }\n": typeof types.TaskFilterOptionsDocument,
    "\n  mutation RestoreDocumentVersion($input: RestoreDocumentVersionInput!) {\n    restoreDocumentVersion(input: $input) {\n      version {\n        id\n        label\n      }\n    }\n  }\n": typeof types.RestoreDocumentVersionDocument,
    "\n  mutation CreateDocumentVersion($input: CreateDocumentVersionInput!) {\n    createDocumentVersion(input: $input) {\n      version {\n        id\n        label\n        ...VersionListItem_version\n      }\n    }\n  }\n": typeof types.CreateDocumentVersionDocument,
    "\n  fragment VersionListItem_version on DocumentVersion {\n    id\n    label\n    createdByName\n    createdAt\n  }\n": typeof types.VersionListItem_VersionFragmentDoc,
    "\n  query DocumentVersionView($documentId: ID!, $versionId: ID!) {\n    documentVersion(documentId: $documentId, versionId: $versionId) {\n      version {\n        id\n        label\n      }\n      html\n    }\n  }\n": typeof types.DocumentVersionViewDocument,
    "\n  query DocumentVersions($documentId: ID!) {\n    documentVersions(documentId: $documentId) {\n      id\n      ...VersionListItem_version\n    }\n  }\n": typeof types.DocumentVersionsDocument,
    "\n  fragment WorkList_item on WorkItem {\n    id\n    kind\n    role\n    title\n    context\n    dueAt\n    overdue\n    count\n    link\n    actionField {\n      key\n      name {\n        de\n        en\n      }\n    }\n  }\n": typeof types.WorkList_ItemFragmentDoc,
};
const documents: Documents = {
    "\n  mutation SetLocale($locale: Locale!) {\n    setLocale(locale: $locale) {\n      id\n      locale\n    }\n  }\n": types.SetLocaleDocument,
    "\n  mutation EndSession {\n    endSession {\n      signedOut\n      providerLogoutUrl\n    }\n  }\n": types.EndSessionDocument,
    "\n  query AppViewer {\n    viewer {\n      id\n      locale\n      canInvite\n      canManagePeople\n      canManageBodies\n      actionFieldKeysICanManage\n      person {\n        id\n        name\n        email\n        systemRole\n        organisation {\n          id\n          name\n        }\n        bodies {\n          id\n          name\n          kind\n        }\n        groupMemberships {\n          role\n          group {\n            id\n            actionFieldKey\n          }\n        }\n      }\n    }\n  }\n": types.AppViewerDocument,
    "\n  query CityAccountOptions {\n    signInOptions {\n      cityAccountLabel\n      cityAccountPath\n      cityAccountContact\n    }\n  }\n": types.CityAccountOptionsDocument,
    "\n  query MyData {\n    personalData {\n      person {\n        id\n        name\n        email\n        systemRole\n      }\n      signIn {\n        ...SignInMethods_methods\n      }\n      groups {\n        group\n        actionFieldKey\n      }\n      bodies\n      sessions {\n        id\n        createdAt\n        userAgent\n        current\n      }\n      commentCount\n      tasks {\n        id\n      }\n      activity {\n        id\n      }\n      notificationCount\n      exportPath\n      canDelete\n    }\n  }\n": types.MyDataDocument,
    "\n  mutation EndDeviceSession($input: EndDeviceSessionInput!) {\n    endDeviceSession(input: $input)\n  }\n": types.EndDeviceSessionDocument,
    "\n  mutation DeleteOwnAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input) {\n      deletedPersonId\n      signedOut\n    }\n  }\n": types.DeleteOwnAccountDocument,
    "\n  query SecurityPage {\n    viewer {\n      id\n      signInMethod\n      canAdministerPeopleData\n      secondFactor {\n        enabled\n        requiredForRole\n        setupRequired\n        recoveryCodesLeft\n      }\n    }\n  }\n": types.SecurityPageDocument,
    "\n  query SignInSettings {\n    signInSettings {\n      passwordForCityAccounts\n      cityAccountConfigured\n    }\n  }\n": types.SignInSettingsDocument,
    "\n  mutation StartSecondFactorSetup {\n    startSecondFactorSetup {\n      secret\n      qrCode\n    }\n  }\n": types.StartSecondFactorSetupDocument,
    "\n  mutation ConfirmSecondFactorSetup($input: SecondFactorCodeInput!) {\n    confirmSecondFactorSetup(input: $input) {\n      recoveryCodes\n      viewer {\n        id\n      }\n    }\n  }\n": types.ConfirmSecondFactorSetupDocument,
    "\n  mutation RegenerateRecoveryCodes($input: SecondFactorCodeInput!) {\n    regenerateRecoveryCodes(input: $input)\n  }\n": types.RegenerateRecoveryCodesDocument,
    "\n  mutation DisableSecondFactor($input: SecondFactorCodeInput!) {\n    disableSecondFactor(input: $input) {\n      id\n    }\n  }\n": types.DisableSecondFactorDocument,
    "\n  mutation SetPasswordSignInForCityAccounts($enabled: Boolean!) {\n    setPasswordSignInForCityAccounts(enabled: $enabled) {\n      passwordForCityAccounts\n      cityAccountConfigured\n    }\n  }\n": types.SetPasswordSignInForCityAccountsDocument,
    "\n  fragment SignInMethods_methods on PersonSignIn {\n    password\n    cityAccount\n    secondFactor\n  }\n": types.SignInMethods_MethodsFragmentDoc,
    "\n  query ActionFieldPage($key: String!) {\n    actionField(key: $key) {\n      key\n      name {\n        de\n        en\n      }\n      description {\n        de\n        en\n      }\n      viewerCanManage\n      viewerCanCreateDocument\n      group {\n        id\n        name {\n          de\n          en\n        }\n        memberCount\n        ...MemberList_group\n      }\n      documents {\n        id\n        ...DocumentList_document\n      }\n      milestones {\n        id\n        ...MilestoneTimeline_milestone\n      }\n    }\n  }\n": types.ActionFieldPageDocument,
    "\n  mutation CreateDocument($input: CreateDocumentInput!) {\n    createDocument(input: $input) {\n      document {\n        id\n      }\n    }\n  }\n": types.CreateDocumentDocument,
    "\n  fragment DocumentList_document on Document {\n    id\n    title\n    kind\n    status\n    reviewDeadline\n    commentCount\n    contentUpdatedAt\n  }\n": types.DocumentList_DocumentFragmentDoc,
    "\n  fragment MemberList_group on ExpertGroup {\n    id\n    name {\n      de\n      en\n    }\n    members {\n      personId\n      name\n      organisationName\n      role\n      sector\n    }\n    pendingMembers {\n      personId\n      name\n      role\n      sector\n    }\n  }\n": types.MemberList_GroupFragmentDoc,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      name\n      expiresAt\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer {\n        id\n      }\n      secondFactorChallenge\n    }\n  }\n": types.SignInDocument,
    "\n  mutation CompleteSignIn($input: CompleteSignInInput!) {\n    completeSignIn(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n": types.CompleteSignInDocument,
    "\n  query SignInOptions {\n    signInOptions {\n      cityAccountLabel\n      cityAccountPath\n    }\n  }\n": types.SignInOptionsDocument,
    "\n  fragment CommentThread_thread on CommentThread {\n    id\n    anchor\n    quote\n    visibility\n    resolved\n    resolvedAt\n    resolvedBy {\n      id\n      name\n    }\n    viewerCanReply\n    viewerCanResolve\n    createdAt\n    comments {\n      id\n      body\n      createdAt\n      author {\n        id\n        name\n      }\n      organisation {\n        id\n        name\n      }\n      onBehalfOf {\n        id\n        name\n      }\n    }\n  }\n": types.CommentThread_ThreadFragmentDoc,
    "\n  query DocumentComments($documentId: ID!) {\n    comments(documentId: $documentId) {\n      id\n      ...CommentThread_thread\n    }\n  }\n": types.DocumentCommentsDocument,
    "\n  subscription CommentChanged($documentId: ID!) {\n    commentChanged(documentId: $documentId) {\n      kind\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n": types.CommentChangedDocument,
    "\n  mutation CreateComment($input: CreateCommentInput!) {\n    createComment(input: $input) {\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n": types.CreateCommentDocument,
    "\n  mutation ReplyToComment($input: ReplyToCommentInput!) {\n    replyToComment(input: $input) {\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n": types.ReplyToCommentDocument,
    "\n  mutation ResolveComment($threadId: ID!) {\n    resolveComment(threadId: $threadId) {\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n": types.ResolveCommentDocument,
    "\n  mutation ReopenComment($threadId: ID!) {\n    reopenComment(threadId: $threadId) {\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n": types.ReopenCommentDocument,
    "\n  query MentionCandidates($documentId: ID!, $visibility: CommentVisibility!, $search: String) {\n    mentionCandidates(documentId: $documentId, visibility: $visibility, search: $search) {\n      id\n      name\n    }\n  }\n": types.MentionCandidatesDocument,
    "\n  fragment ActionFieldCard_summary on ActionFieldSummary {\n    actionField {\n      key\n      name {\n        de\n        en\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n    viewerSeesInside\n    documentCounts {\n      status\n      count\n    }\n    openTaskCount\n    overdueTaskCount\n    nextMilestone {\n      id\n      title\n      date\n    }\n  }\n": types.ActionFieldCard_SummaryFragmentDoc,
    "\n  fragment ActivityList_activity on Activity {\n    id\n    verb\n    actorName\n    subjectTitle\n    detail\n    documentId\n    createdAt\n  }\n": types.ActivityList_ActivityFragmentDoc,
    "\n  query Dashboard {\n    dashboard {\n      process {\n        id\n        title\n        description\n        periodStart\n        periodEnd\n        budgetLines {\n          id\n          amountEur\n          year\n          source\n        }\n      }\n      myWork {\n        roles\n        items {\n          id\n          role\n          kind\n          ...WorkList_item\n        }\n      }\n      actionFields {\n        actionField {\n          key\n        }\n        ...ActionFieldCard_summary\n      }\n      upcomingMilestones {\n        id\n        ...MilestoneTimeline_milestone\n      }\n      myTasks {\n        id\n        ...TaskCard_task\n      }\n      recentActivity {\n        id\n        ...ActivityList_activity\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  subscription DashboardTaskChanged {\n    taskChanged {\n      kind\n      taskId\n    }\n  }\n": types.DashboardTaskChangedDocument,
    "\n  mutation DashboardMoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n": types.DashboardMoveTaskDocument,
    "\n  fragment MilestoneTimeline_milestone on Milestone {\n    id\n    title\n    date\n    done\n    actionFieldKey\n  }\n": types.MilestoneTimeline_MilestoneFragmentDoc,
    "\n  query DocumentPage($id: ID!) {\n    document(id: $id) {\n      id\n      title\n      kind\n      status\n      actionFieldKey\n      reviewDeadline\n      viewerMode\n      viewerCanEdit\n      viewerCanComment\n      viewerStatusTransitions\n      group {\n        id\n        name {\n          de\n          en\n        }\n      }\n      sharedWith {\n        id\n        name\n      }\n    }\n  }\n": types.DocumentPageDocument,
    "\n  mutation MarkDocumentSeen($documentId: ID!) {\n    markDocumentSeen(documentId: $documentId) {\n      seenAt\n    }\n  }\n": types.MarkDocumentSeenDocument,
    "\n  mutation CollabTicket($documentId: ID!) {\n    collabTicket(documentId: $documentId) {\n      ticket\n      url\n      mode\n    }\n  }\n": types.CollabTicketDocument,
    "\n  query ReviewBodies {\n    bodies {\n      id\n      name\n      kind\n    }\n  }\n": types.ReviewBodiesDocument,
    "\n  mutation ChangeDocumentStatus($input: ChangeDocumentStatusInput!) {\n    changeDocumentStatus(input: $input) {\n      document {\n        id\n        status\n        reviewDeadline\n        viewerMode\n        viewerCanEdit\n        viewerCanComment\n        viewerStatusTransitions\n        sharedWith {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ChangeDocumentStatusDocument,
    "\n  mutation RenameDocument($input: UpdateDocumentInput!) {\n    updateDocument(input: $input) {\n      document {\n        id\n        title\n      }\n    }\n  }\n": types.RenameDocumentDocument,
    "\n  mutation CreateMilestone($input: CreateMilestoneInput!) {\n    createMilestone(input: $input) {\n      milestone {\n        id\n        title\n      }\n    }\n  }\n": types.CreateMilestoneDocument,
    "\n  mutation UpdateMilestone($input: UpdateMilestoneInput!) {\n    updateMilestone(input: $input) {\n      milestone {\n        id\n        title\n        date\n        done\n      }\n    }\n  }\n": types.UpdateMilestoneDocument,
    "\n  query MilestonesPage {\n    process {\n      id\n      viewerCanManageMilestones\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n        viewerCanManageMilestones\n      }\n      milestones {\n        id\n        title\n        date\n        done\n        actionFieldKey\n        viewerCanManage\n      }\n    }\n  }\n": types.MilestonesPageDocument,
    "\n  mutation DeleteMilestone($milestoneId: ID!) {\n    deleteMilestone(milestoneId: $milestoneId) {\n      deletedMilestoneId\n    }\n  }\n": types.DeleteMilestoneDocument,
    "\n  query DevOutbox {\n    devOutbox(first: 50) {\n      id\n      to\n      subject\n      text\n      html\n      kind\n      status\n      unsubscribeUrl\n      createdAt\n    }\n  }\n": types.DevOutboxDocument,
    "\n  query BellNotifications {\n    devOutboxAvailable\n    notifications(first: 8) {\n      nodes {\n        id\n        ...NotificationItem_notification\n      }\n    }\n  }\n": types.BellNotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  fragment NotificationItem_notification on Notification {\n    id\n    kind\n    title\n    body\n    link\n    read\n    createdAt\n  }\n": types.NotificationItem_NotificationFragmentDoc,
    "\n  query NotificationSettings {\n    notificationSettings {\n      email {\n        kind\n        mode\n      }\n    }\n  }\n": types.NotificationSettingsDocument,
    "\n  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      settings {\n        email {\n          kind\n          mode\n        }\n      }\n    }\n  }\n": types.UpdateNotificationSettingsDocument,
    "\n  query NotificationsPage($after: String, $unreadOnly: Boolean) {\n    unreadNotificationCount\n    notifications(first: 30, after: $after, unreadOnly: $unreadOnly) {\n      nodes {\n        id\n        ...NotificationItem_notification\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n": types.NotificationsPageDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      notification {\n        id\n        read\n      }\n      unreadCount\n    }\n  }\n": types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      markedCount\n      unreadCount\n    }\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  mutation AddGroupMember($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": types.AddGroupMemberDocument,
    "\n  mutation AddBodyMember($input: BodyMemberInput!) {\n    addBodyMember(input: $input) {\n      body {\n        id\n        memberCount\n      }\n    }\n  }\n": types.AddBodyMemberDocument,
    "\n  mutation CreateInvitation($input: CreateInvitationInput!) {\n    createInvitation(input: $input) {\n      invitation {\n        id\n        email\n        name\n        link\n        expiresAt\n      }\n    }\n  }\n": types.CreateInvitationDocument,
    "\n  mutation ChangeGroupRole($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": types.ChangeGroupRoleDocument,
    "\n  mutation RemoveGroupMember($input: RemoveGroupMemberInput!) {\n    removeGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": types.RemoveGroupMemberDocument,
    "\n  mutation RemoveBodyMember($input: BodyMemberInput!) {\n    removeBodyMember(input: $input) {\n      body {\n        id\n        memberCount\n      }\n    }\n  }\n": types.RemoveBodyMemberDocument,
    "\n  query PeoplePage($filter: PeopleFilter) {\n    people(filter: $filter) {\n      id\n      name\n      email\n      status\n      systemRole\n      signInMethods {\n        ...SignInMethods_methods\n      }\n      organisation {\n        id\n        name\n      }\n      groupMemberships {\n        role\n        sector\n        group {\n          id\n          actionFieldKey\n          name {\n            de\n            en\n          }\n        }\n      }\n      pendingGroupMemberships {\n        role\n        group {\n          id\n          name {\n            de\n            en\n          }\n        }\n      }\n      bodies {\n        id\n        name\n      }\n    }\n    organisations {\n      id\n      name\n      partnerType\n    }\n    process {\n      id\n      actionFields {\n        key\n        group {\n          id\n          name {\n            de\n            en\n          }\n        }\n      }\n      bodies {\n        id\n        name\n        kind\n      }\n    }\n  }\n": types.PeoplePageDocument,
    "\n  mutation DeactivatePerson($personId: ID!) {\n    deactivatePerson(personId: $personId) {\n      person {\n        id\n        status\n      }\n    }\n  }\n": types.DeactivatePersonDocument,
    "\n  mutation ReactivatePerson($personId: ID!) {\n    reactivatePerson(personId: $personId) {\n      person {\n        id\n        status\n      }\n    }\n  }\n": types.ReactivatePersonDocument,
    "\n  query SearchPage($query: String!) {\n    search(query: $query, first: 40) {\n      total\n      hits {\n        id\n        type\n        title\n        context\n        link\n        snippet {\n          text\n          highlight\n        }\n      }\n    }\n  }\n": types.SearchPageDocument,
    "\n  fragment TaskCard_task on Task {\n    id\n    title\n    description\n    status\n    priority\n    deadline\n    overdue\n    actionFieldKey\n    viewerCanEdit\n    viewerCanDelete\n    assignees {\n      id\n      name\n    }\n    document {\n      id\n      title\n    }\n  }\n": types.TaskCard_TaskFragmentDoc,
    "\n  query TaskWorkspace($filter: TaskFilter, $orderBy: TaskOrder, $first: Int) {\n    tasks(filter: $filter, orderBy: $orderBy, first: $first) {\n      totalCount\n      nodes {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n": types.TaskWorkspaceDocument,
    "\n  query TaskOptions {\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n        viewerCanWorkOnTasks\n      }\n    }\n    people {\n      id\n      name\n      status\n    }\n  }\n": types.TaskOptionsDocument,
    "\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n": types.CreateTaskDocument,
    "\n  mutation UpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n": types.UpdateTaskDocument,
    "\n  mutation DeleteTask($taskId: ID!) {\n    deleteTask(taskId: $taskId) {\n      deletedTaskId\n    }\n  }\n": types.DeleteTaskDocument,
    "\n  mutation RestoreTask($taskId: ID!) {\n    restoreTask(taskId: $taskId) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n": types.RestoreTaskDocument,
    "\n  mutation MoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n": types.MoveTaskDocument,
    "\n  subscription TaskChanged($actionFieldKey: String) {\n    taskChanged(actionFieldKey: $actionFieldKey) {\n      kind\n      taskId\n    }\n  }\n": types.TaskChangedDocument,
    "\n  query TaskFilterOptions {\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n      }\n    }\n    people {\n      id\n      name\n    }\n  }\n": types.TaskFilterOptionsDocument,
    "\n  mutation RestoreDocumentVersion($input: RestoreDocumentVersionInput!) {\n    restoreDocumentVersion(input: $input) {\n      version {\n        id\n        label\n      }\n    }\n  }\n": types.RestoreDocumentVersionDocument,
    "\n  mutation CreateDocumentVersion($input: CreateDocumentVersionInput!) {\n    createDocumentVersion(input: $input) {\n      version {\n        id\n        label\n        ...VersionListItem_version\n      }\n    }\n  }\n": types.CreateDocumentVersionDocument,
    "\n  fragment VersionListItem_version on DocumentVersion {\n    id\n    label\n    createdByName\n    createdAt\n  }\n": types.VersionListItem_VersionFragmentDoc,
    "\n  query DocumentVersionView($documentId: ID!, $versionId: ID!) {\n    documentVersion(documentId: $documentId, versionId: $versionId) {\n      version {\n        id\n        label\n      }\n      html\n    }\n  }\n": types.DocumentVersionViewDocument,
    "\n  query DocumentVersions($documentId: ID!) {\n    documentVersions(documentId: $documentId) {\n      id\n      ...VersionListItem_version\n    }\n  }\n": types.DocumentVersionsDocument,
    "\n  fragment WorkList_item on WorkItem {\n    id\n    kind\n    role\n    title\n    context\n    dueAt\n    overdue\n    count\n    link\n    actionField {\n      key\n      name {\n        de\n        en\n      }\n    }\n  }\n": types.WorkList_ItemFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLocale($locale: Locale!) {\n    setLocale(locale: $locale) {\n      id\n      locale\n    }\n  }\n"): (typeof documents)["\n  mutation SetLocale($locale: Locale!) {\n    setLocale(locale: $locale) {\n      id\n      locale\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndSession {\n    endSession {\n      signedOut\n      providerLogoutUrl\n    }\n  }\n"): (typeof documents)["\n  mutation EndSession {\n    endSession {\n      signedOut\n      providerLogoutUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppViewer {\n    viewer {\n      id\n      locale\n      canInvite\n      canManagePeople\n      canManageBodies\n      actionFieldKeysICanManage\n      person {\n        id\n        name\n        email\n        systemRole\n        organisation {\n          id\n          name\n        }\n        bodies {\n          id\n          name\n          kind\n        }\n        groupMemberships {\n          role\n          group {\n            id\n            actionFieldKey\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AppViewer {\n    viewer {\n      id\n      locale\n      canInvite\n      canManagePeople\n      canManageBodies\n      actionFieldKeysICanManage\n      person {\n        id\n        name\n        email\n        systemRole\n        organisation {\n          id\n          name\n        }\n        bodies {\n          id\n          name\n          kind\n        }\n        groupMemberships {\n          role\n          group {\n            id\n            actionFieldKey\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CityAccountOptions {\n    signInOptions {\n      cityAccountLabel\n      cityAccountPath\n      cityAccountContact\n    }\n  }\n"): (typeof documents)["\n  query CityAccountOptions {\n    signInOptions {\n      cityAccountLabel\n      cityAccountPath\n      cityAccountContact\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyData {\n    personalData {\n      person {\n        id\n        name\n        email\n        systemRole\n      }\n      signIn {\n        ...SignInMethods_methods\n      }\n      groups {\n        group\n        actionFieldKey\n      }\n      bodies\n      sessions {\n        id\n        createdAt\n        userAgent\n        current\n      }\n      commentCount\n      tasks {\n        id\n      }\n      activity {\n        id\n      }\n      notificationCount\n      exportPath\n      canDelete\n    }\n  }\n"): (typeof documents)["\n  query MyData {\n    personalData {\n      person {\n        id\n        name\n        email\n        systemRole\n      }\n      signIn {\n        ...SignInMethods_methods\n      }\n      groups {\n        group\n        actionFieldKey\n      }\n      bodies\n      sessions {\n        id\n        createdAt\n        userAgent\n        current\n      }\n      commentCount\n      tasks {\n        id\n      }\n      activity {\n        id\n      }\n      notificationCount\n      exportPath\n      canDelete\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndDeviceSession($input: EndDeviceSessionInput!) {\n    endDeviceSession(input: $input)\n  }\n"): (typeof documents)["\n  mutation EndDeviceSession($input: EndDeviceSessionInput!) {\n    endDeviceSession(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteOwnAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input) {\n      deletedPersonId\n      signedOut\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteOwnAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input) {\n      deletedPersonId\n      signedOut\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityPage {\n    viewer {\n      id\n      signInMethod\n      canAdministerPeopleData\n      secondFactor {\n        enabled\n        requiredForRole\n        setupRequired\n        recoveryCodesLeft\n      }\n    }\n  }\n"): (typeof documents)["\n  query SecurityPage {\n    viewer {\n      id\n      signInMethod\n      canAdministerPeopleData\n      secondFactor {\n        enabled\n        requiredForRole\n        setupRequired\n        recoveryCodesLeft\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInSettings {\n    signInSettings {\n      passwordForCityAccounts\n      cityAccountConfigured\n    }\n  }\n"): (typeof documents)["\n  query SignInSettings {\n    signInSettings {\n      passwordForCityAccounts\n      cityAccountConfigured\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartSecondFactorSetup {\n    startSecondFactorSetup {\n      secret\n      qrCode\n    }\n  }\n"): (typeof documents)["\n  mutation StartSecondFactorSetup {\n    startSecondFactorSetup {\n      secret\n      qrCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmSecondFactorSetup($input: SecondFactorCodeInput!) {\n    confirmSecondFactorSetup(input: $input) {\n      recoveryCodes\n      viewer {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmSecondFactorSetup($input: SecondFactorCodeInput!) {\n    confirmSecondFactorSetup(input: $input) {\n      recoveryCodes\n      viewer {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateRecoveryCodes($input: SecondFactorCodeInput!) {\n    regenerateRecoveryCodes(input: $input)\n  }\n"): (typeof documents)["\n  mutation RegenerateRecoveryCodes($input: SecondFactorCodeInput!) {\n    regenerateRecoveryCodes(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableSecondFactor($input: SecondFactorCodeInput!) {\n    disableSecondFactor(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DisableSecondFactor($input: SecondFactorCodeInput!) {\n    disableSecondFactor(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPasswordSignInForCityAccounts($enabled: Boolean!) {\n    setPasswordSignInForCityAccounts(enabled: $enabled) {\n      passwordForCityAccounts\n      cityAccountConfigured\n    }\n  }\n"): (typeof documents)["\n  mutation SetPasswordSignInForCityAccounts($enabled: Boolean!) {\n    setPasswordSignInForCityAccounts(enabled: $enabled) {\n      passwordForCityAccounts\n      cityAccountConfigured\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SignInMethods_methods on PersonSignIn {\n    password\n    cityAccount\n    secondFactor\n  }\n"): (typeof documents)["\n  fragment SignInMethods_methods on PersonSignIn {\n    password\n    cityAccount\n    secondFactor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActionFieldPage($key: String!) {\n    actionField(key: $key) {\n      key\n      name {\n        de\n        en\n      }\n      description {\n        de\n        en\n      }\n      viewerCanManage\n      viewerCanCreateDocument\n      group {\n        id\n        name {\n          de\n          en\n        }\n        memberCount\n        ...MemberList_group\n      }\n      documents {\n        id\n        ...DocumentList_document\n      }\n      milestones {\n        id\n        ...MilestoneTimeline_milestone\n      }\n    }\n  }\n"): (typeof documents)["\n  query ActionFieldPage($key: String!) {\n    actionField(key: $key) {\n      key\n      name {\n        de\n        en\n      }\n      description {\n        de\n        en\n      }\n      viewerCanManage\n      viewerCanCreateDocument\n      group {\n        id\n        name {\n          de\n          en\n        }\n        memberCount\n        ...MemberList_group\n      }\n      documents {\n        id\n        ...DocumentList_document\n      }\n      milestones {\n        id\n        ...MilestoneTimeline_milestone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDocument($input: CreateDocumentInput!) {\n    createDocument(input: $input) {\n      document {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDocument($input: CreateDocumentInput!) {\n    createDocument(input: $input) {\n      document {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DocumentList_document on Document {\n    id\n    title\n    kind\n    status\n    reviewDeadline\n    commentCount\n    contentUpdatedAt\n  }\n"): (typeof documents)["\n  fragment DocumentList_document on Document {\n    id\n    title\n    kind\n    status\n    reviewDeadline\n    commentCount\n    contentUpdatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberList_group on ExpertGroup {\n    id\n    name {\n      de\n      en\n    }\n    members {\n      personId\n      name\n      organisationName\n      role\n      sector\n    }\n    pendingMembers {\n      personId\n      name\n      role\n      sector\n    }\n  }\n"): (typeof documents)["\n  fragment MemberList_group on ExpertGroup {\n    id\n    name {\n      de\n      en\n    }\n    members {\n      personId\n      name\n      organisationName\n      role\n      sector\n    }\n    pendingMembers {\n      personId\n      name\n      role\n      sector\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      name\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      name\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer {\n        id\n      }\n      secondFactorChallenge\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer {\n        id\n      }\n      secondFactorChallenge\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSignIn($input: CompleteSignInInput!) {\n    completeSignIn(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteSignIn($input: CompleteSignInInput!) {\n    completeSignIn(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInOptions {\n    signInOptions {\n      cityAccountLabel\n      cityAccountPath\n    }\n  }\n"): (typeof documents)["\n  query SignInOptions {\n    signInOptions {\n      cityAccountLabel\n      cityAccountPath\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommentThread_thread on CommentThread {\n    id\n    anchor\n    quote\n    visibility\n    resolved\n    resolvedAt\n    resolvedBy {\n      id\n      name\n    }\n    viewerCanReply\n    viewerCanResolve\n    createdAt\n    comments {\n      id\n      body\n      createdAt\n      author {\n        id\n        name\n      }\n      organisation {\n        id\n        name\n      }\n      onBehalfOf {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CommentThread_thread on CommentThread {\n    id\n    anchor\n    quote\n    visibility\n    resolved\n    resolvedAt\n    resolvedBy {\n      id\n      name\n    }\n    viewerCanReply\n    viewerCanResolve\n    createdAt\n    comments {\n      id\n      body\n      createdAt\n      author {\n        id\n        name\n      }\n      organisation {\n        id\n        name\n      }\n      onBehalfOf {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentComments($documentId: ID!) {\n    comments(documentId: $documentId) {\n      id\n      ...CommentThread_thread\n    }\n  }\n"): (typeof documents)["\n  query DocumentComments($documentId: ID!) {\n    comments(documentId: $documentId) {\n      id\n      ...CommentThread_thread\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CommentChanged($documentId: ID!) {\n    commentChanged(documentId: $documentId) {\n      kind\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription CommentChanged($documentId: ID!) {\n    commentChanged(documentId: $documentId) {\n      kind\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateComment($input: CreateCommentInput!) {\n    createComment(input: $input) {\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateComment($input: CreateCommentInput!) {\n    createComment(input: $input) {\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyToComment($input: ReplyToCommentInput!) {\n    replyToComment(input: $input) {\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReplyToComment($input: ReplyToCommentInput!) {\n    replyToComment(input: $input) {\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveComment($threadId: ID!) {\n    resolveComment(threadId: $threadId) {\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveComment($threadId: ID!) {\n    resolveComment(threadId: $threadId) {\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenComment($threadId: ID!) {\n    reopenComment(threadId: $threadId) {\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReopenComment($threadId: ID!) {\n    reopenComment(threadId: $threadId) {\n      thread {\n        id\n        ...CommentThread_thread\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentionCandidates($documentId: ID!, $visibility: CommentVisibility!, $search: String) {\n    mentionCandidates(documentId: $documentId, visibility: $visibility, search: $search) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query MentionCandidates($documentId: ID!, $visibility: CommentVisibility!, $search: String) {\n    mentionCandidates(documentId: $documentId, visibility: $visibility, search: $search) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActionFieldCard_summary on ActionFieldSummary {\n    actionField {\n      key\n      name {\n        de\n        en\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n    viewerSeesInside\n    documentCounts {\n      status\n      count\n    }\n    openTaskCount\n    overdueTaskCount\n    nextMilestone {\n      id\n      title\n      date\n    }\n  }\n"): (typeof documents)["\n  fragment ActionFieldCard_summary on ActionFieldSummary {\n    actionField {\n      key\n      name {\n        de\n        en\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n    viewerSeesInside\n    documentCounts {\n      status\n      count\n    }\n    openTaskCount\n    overdueTaskCount\n    nextMilestone {\n      id\n      title\n      date\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityList_activity on Activity {\n    id\n    verb\n    actorName\n    subjectTitle\n    detail\n    documentId\n    createdAt\n  }\n"): (typeof documents)["\n  fragment ActivityList_activity on Activity {\n    id\n    verb\n    actorName\n    subjectTitle\n    detail\n    documentId\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard {\n    dashboard {\n      process {\n        id\n        title\n        description\n        periodStart\n        periodEnd\n        budgetLines {\n          id\n          amountEur\n          year\n          source\n        }\n      }\n      myWork {\n        roles\n        items {\n          id\n          role\n          kind\n          ...WorkList_item\n        }\n      }\n      actionFields {\n        actionField {\n          key\n        }\n        ...ActionFieldCard_summary\n      }\n      upcomingMilestones {\n        id\n        ...MilestoneTimeline_milestone\n      }\n      myTasks {\n        id\n        ...TaskCard_task\n      }\n      recentActivity {\n        id\n        ...ActivityList_activity\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard {\n    dashboard {\n      process {\n        id\n        title\n        description\n        periodStart\n        periodEnd\n        budgetLines {\n          id\n          amountEur\n          year\n          source\n        }\n      }\n      myWork {\n        roles\n        items {\n          id\n          role\n          kind\n          ...WorkList_item\n        }\n      }\n      actionFields {\n        actionField {\n          key\n        }\n        ...ActionFieldCard_summary\n      }\n      upcomingMilestones {\n        id\n        ...MilestoneTimeline_milestone\n      }\n      myTasks {\n        id\n        ...TaskCard_task\n      }\n      recentActivity {\n        id\n        ...ActivityList_activity\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashboardTaskChanged {\n    taskChanged {\n      kind\n      taskId\n    }\n  }\n"): (typeof documents)["\n  subscription DashboardTaskChanged {\n    taskChanged {\n      kind\n      taskId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashboardMoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DashboardMoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MilestoneTimeline_milestone on Milestone {\n    id\n    title\n    date\n    done\n    actionFieldKey\n  }\n"): (typeof documents)["\n  fragment MilestoneTimeline_milestone on Milestone {\n    id\n    title\n    date\n    done\n    actionFieldKey\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentPage($id: ID!) {\n    document(id: $id) {\n      id\n      title\n      kind\n      status\n      actionFieldKey\n      reviewDeadline\n      viewerMode\n      viewerCanEdit\n      viewerCanComment\n      viewerStatusTransitions\n      group {\n        id\n        name {\n          de\n          en\n        }\n      }\n      sharedWith {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query DocumentPage($id: ID!) {\n    document(id: $id) {\n      id\n      title\n      kind\n      status\n      actionFieldKey\n      reviewDeadline\n      viewerMode\n      viewerCanEdit\n      viewerCanComment\n      viewerStatusTransitions\n      group {\n        id\n        name {\n          de\n          en\n        }\n      }\n      sharedWith {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkDocumentSeen($documentId: ID!) {\n    markDocumentSeen(documentId: $documentId) {\n      seenAt\n    }\n  }\n"): (typeof documents)["\n  mutation MarkDocumentSeen($documentId: ID!) {\n    markDocumentSeen(documentId: $documentId) {\n      seenAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CollabTicket($documentId: ID!) {\n    collabTicket(documentId: $documentId) {\n      ticket\n      url\n      mode\n    }\n  }\n"): (typeof documents)["\n  mutation CollabTicket($documentId: ID!) {\n    collabTicket(documentId: $documentId) {\n      ticket\n      url\n      mode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewBodies {\n    bodies {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  query ReviewBodies {\n    bodies {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeDocumentStatus($input: ChangeDocumentStatusInput!) {\n    changeDocumentStatus(input: $input) {\n      document {\n        id\n        status\n        reviewDeadline\n        viewerMode\n        viewerCanEdit\n        viewerCanComment\n        viewerStatusTransitions\n        sharedWith {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeDocumentStatus($input: ChangeDocumentStatusInput!) {\n    changeDocumentStatus(input: $input) {\n      document {\n        id\n        status\n        reviewDeadline\n        viewerMode\n        viewerCanEdit\n        viewerCanComment\n        viewerStatusTransitions\n        sharedWith {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameDocument($input: UpdateDocumentInput!) {\n    updateDocument(input: $input) {\n      document {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RenameDocument($input: UpdateDocumentInput!) {\n    updateDocument(input: $input) {\n      document {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMilestone($input: CreateMilestoneInput!) {\n    createMilestone(input: $input) {\n      milestone {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMilestone($input: CreateMilestoneInput!) {\n    createMilestone(input: $input) {\n      milestone {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMilestone($input: UpdateMilestoneInput!) {\n    updateMilestone(input: $input) {\n      milestone {\n        id\n        title\n        date\n        done\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMilestone($input: UpdateMilestoneInput!) {\n    updateMilestone(input: $input) {\n      milestone {\n        id\n        title\n        date\n        done\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MilestonesPage {\n    process {\n      id\n      viewerCanManageMilestones\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n        viewerCanManageMilestones\n      }\n      milestones {\n        id\n        title\n        date\n        done\n        actionFieldKey\n        viewerCanManage\n      }\n    }\n  }\n"): (typeof documents)["\n  query MilestonesPage {\n    process {\n      id\n      viewerCanManageMilestones\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n        viewerCanManageMilestones\n      }\n      milestones {\n        id\n        title\n        date\n        done\n        actionFieldKey\n        viewerCanManage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMilestone($milestoneId: ID!) {\n    deleteMilestone(milestoneId: $milestoneId) {\n      deletedMilestoneId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteMilestone($milestoneId: ID!) {\n    deleteMilestone(milestoneId: $milestoneId) {\n      deletedMilestoneId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DevOutbox {\n    devOutbox(first: 50) {\n      id\n      to\n      subject\n      text\n      html\n      kind\n      status\n      unsubscribeUrl\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query DevOutbox {\n    devOutbox(first: 50) {\n      id\n      to\n      subject\n      text\n      html\n      kind\n      status\n      unsubscribeUrl\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BellNotifications {\n    devOutboxAvailable\n    notifications(first: 8) {\n      nodes {\n        id\n        ...NotificationItem_notification\n      }\n    }\n  }\n"): (typeof documents)["\n  query BellNotifications {\n    devOutboxAvailable\n    notifications(first: 8) {\n      nodes {\n        id\n        ...NotificationItem_notification\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationItem_notification on Notification {\n    id\n    kind\n    title\n    body\n    link\n    read\n    createdAt\n  }\n"): (typeof documents)["\n  fragment NotificationItem_notification on Notification {\n    id\n    kind\n    title\n    body\n    link\n    read\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationSettings {\n    notificationSettings {\n      email {\n        kind\n        mode\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationSettings {\n    notificationSettings {\n      email {\n        kind\n        mode\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      settings {\n        email {\n          kind\n          mode\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      settings {\n        email {\n          kind\n          mode\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationsPage($after: String, $unreadOnly: Boolean) {\n    unreadNotificationCount\n    notifications(first: 30, after: $after, unreadOnly: $unreadOnly) {\n      nodes {\n        id\n        ...NotificationItem_notification\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  query NotificationsPage($after: String, $unreadOnly: Boolean) {\n    unreadNotificationCount\n    notifications(first: 30, after: $after, unreadOnly: $unreadOnly) {\n      nodes {\n        id\n        ...NotificationItem_notification\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      notification {\n        id\n        read\n      }\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      notification {\n        id\n        read\n      }\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      markedCount\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      markedCount\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddGroupMember($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddGroupMember($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddBodyMember($input: BodyMemberInput!) {\n    addBodyMember(input: $input) {\n      body {\n        id\n        memberCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddBodyMember($input: BodyMemberInput!) {\n    addBodyMember(input: $input) {\n      body {\n        id\n        memberCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInvitation($input: CreateInvitationInput!) {\n    createInvitation(input: $input) {\n      invitation {\n        id\n        email\n        name\n        link\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateInvitation($input: CreateInvitationInput!) {\n    createInvitation(input: $input) {\n      invitation {\n        id\n        email\n        name\n        link\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeGroupRole($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeGroupRole($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveGroupMember($input: RemoveGroupMemberInput!) {\n    removeGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveGroupMember($input: RemoveGroupMemberInput!) {\n    removeGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveBodyMember($input: BodyMemberInput!) {\n    removeBodyMember(input: $input) {\n      body {\n        id\n        memberCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveBodyMember($input: BodyMemberInput!) {\n    removeBodyMember(input: $input) {\n      body {\n        id\n        memberCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeoplePage($filter: PeopleFilter) {\n    people(filter: $filter) {\n      id\n      name\n      email\n      status\n      systemRole\n      signInMethods {\n        ...SignInMethods_methods\n      }\n      organisation {\n        id\n        name\n      }\n      groupMemberships {\n        role\n        sector\n        group {\n          id\n          actionFieldKey\n          name {\n            de\n            en\n          }\n        }\n      }\n      pendingGroupMemberships {\n        role\n        group {\n          id\n          name {\n            de\n            en\n          }\n        }\n      }\n      bodies {\n        id\n        name\n      }\n    }\n    organisations {\n      id\n      name\n      partnerType\n    }\n    process {\n      id\n      actionFields {\n        key\n        group {\n          id\n          name {\n            de\n            en\n          }\n        }\n      }\n      bodies {\n        id\n        name\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  query PeoplePage($filter: PeopleFilter) {\n    people(filter: $filter) {\n      id\n      name\n      email\n      status\n      systemRole\n      signInMethods {\n        ...SignInMethods_methods\n      }\n      organisation {\n        id\n        name\n      }\n      groupMemberships {\n        role\n        sector\n        group {\n          id\n          actionFieldKey\n          name {\n            de\n            en\n          }\n        }\n      }\n      pendingGroupMemberships {\n        role\n        group {\n          id\n          name {\n            de\n            en\n          }\n        }\n      }\n      bodies {\n        id\n        name\n      }\n    }\n    organisations {\n      id\n      name\n      partnerType\n    }\n    process {\n      id\n      actionFields {\n        key\n        group {\n          id\n          name {\n            de\n            en\n          }\n        }\n      }\n      bodies {\n        id\n        name\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivatePerson($personId: ID!) {\n    deactivatePerson(personId: $personId) {\n      person {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivatePerson($personId: ID!) {\n    deactivatePerson(personId: $personId) {\n      person {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivatePerson($personId: ID!) {\n    reactivatePerson(personId: $personId) {\n      person {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivatePerson($personId: ID!) {\n    reactivatePerson(personId: $personId) {\n      person {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchPage($query: String!) {\n    search(query: $query, first: 40) {\n      total\n      hits {\n        id\n        type\n        title\n        context\n        link\n        snippet {\n          text\n          highlight\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchPage($query: String!) {\n    search(query: $query, first: 40) {\n      total\n      hits {\n        id\n        type\n        title\n        context\n        link\n        snippet {\n          text\n          highlight\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskCard_task on Task {\n    id\n    title\n    description\n    status\n    priority\n    deadline\n    overdue\n    actionFieldKey\n    viewerCanEdit\n    viewerCanDelete\n    assignees {\n      id\n      name\n    }\n    document {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  fragment TaskCard_task on Task {\n    id\n    title\n    description\n    status\n    priority\n    deadline\n    overdue\n    actionFieldKey\n    viewerCanEdit\n    viewerCanDelete\n    assignees {\n      id\n      name\n    }\n    document {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskWorkspace($filter: TaskFilter, $orderBy: TaskOrder, $first: Int) {\n    tasks(filter: $filter, orderBy: $orderBy, first: $first) {\n      totalCount\n      nodes {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n"): (typeof documents)["\n  query TaskWorkspace($filter: TaskFilter, $orderBy: TaskOrder, $first: Int) {\n    tasks(filter: $filter, orderBy: $orderBy, first: $first) {\n      totalCount\n      nodes {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskOptions {\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n        viewerCanWorkOnTasks\n      }\n    }\n    people {\n      id\n      name\n      status\n    }\n  }\n"): (typeof documents)["\n  query TaskOptions {\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n        viewerCanWorkOnTasks\n      }\n    }\n    people {\n      id\n      name\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTask($taskId: ID!) {\n    deleteTask(taskId: $taskId) {\n      deletedTaskId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteTask($taskId: ID!) {\n    deleteTask(taskId: $taskId) {\n      deletedTaskId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreTask($taskId: ID!) {\n    restoreTask(taskId: $taskId) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreTask($taskId: ID!) {\n    restoreTask(taskId: $taskId) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TaskChanged($actionFieldKey: String) {\n    taskChanged(actionFieldKey: $actionFieldKey) {\n      kind\n      taskId\n    }\n  }\n"): (typeof documents)["\n  subscription TaskChanged($actionFieldKey: String) {\n    taskChanged(actionFieldKey: $actionFieldKey) {\n      kind\n      taskId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskFilterOptions {\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n      }\n    }\n    people {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query TaskFilterOptions {\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n      }\n    }\n    people {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreDocumentVersion($input: RestoreDocumentVersionInput!) {\n    restoreDocumentVersion(input: $input) {\n      version {\n        id\n        label\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreDocumentVersion($input: RestoreDocumentVersionInput!) {\n    restoreDocumentVersion(input: $input) {\n      version {\n        id\n        label\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDocumentVersion($input: CreateDocumentVersionInput!) {\n    createDocumentVersion(input: $input) {\n      version {\n        id\n        label\n        ...VersionListItem_version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDocumentVersion($input: CreateDocumentVersionInput!) {\n    createDocumentVersion(input: $input) {\n      version {\n        id\n        label\n        ...VersionListItem_version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VersionListItem_version on DocumentVersion {\n    id\n    label\n    createdByName\n    createdAt\n  }\n"): (typeof documents)["\n  fragment VersionListItem_version on DocumentVersion {\n    id\n    label\n    createdByName\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentVersionView($documentId: ID!, $versionId: ID!) {\n    documentVersion(documentId: $documentId, versionId: $versionId) {\n      version {\n        id\n        label\n      }\n      html\n    }\n  }\n"): (typeof documents)["\n  query DocumentVersionView($documentId: ID!, $versionId: ID!) {\n    documentVersion(documentId: $documentId, versionId: $versionId) {\n      version {\n        id\n        label\n      }\n      html\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentVersions($documentId: ID!) {\n    documentVersions(documentId: $documentId) {\n      id\n      ...VersionListItem_version\n    }\n  }\n"): (typeof documents)["\n  query DocumentVersions($documentId: ID!) {\n    documentVersions(documentId: $documentId) {\n      id\n      ...VersionListItem_version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkList_item on WorkItem {\n    id\n    kind\n    role\n    title\n    context\n    dueAt\n    overdue\n    count\n    link\n    actionField {\n      key\n      name {\n        de\n        en\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment WorkList_item on WorkItem {\n    id\n    kind\n    role\n    title\n    context\n    dueAt\n    overdue\n    count\n    link\n    actionField {\n      key\n      name {\n        de\n        en\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;