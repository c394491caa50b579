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
    "\n  query AppViewer {\n    viewer {\n      id\n      locale\n      canInvite\n      canManagePeople\n      canManageBodies\n      canAdministerPeopleData\n      actionFieldKeysICanManage\n      person {\n        id\n        name\n        email\n        systemRole\n        organisation {\n          id\n          name\n        }\n        bodies {\n          id\n          name\n          kind\n        }\n        groupMemberships {\n          role\n          group {\n            id\n            actionFieldKey\n          }\n        }\n      }\n    }\n  }\n": typeof types.AppViewerDocument,
    "\n  mutation CollabTicket($documentId: ID!) {\n    collabTicket(documentId: $documentId) {\n      ticket\n      url\n      mode\n    }\n  }\n": typeof types.CollabTicketDocument,
    "\n  query CityAccountOptions {\n    signInOptions {\n      cityAccountLabel\n      cityAccountPath\n      cityAccountContact\n    }\n  }\n": typeof types.CityAccountOptionsDocument,
    "\n  mutation DeleteAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input) {\n      deletedPersonId\n      signedOut\n    }\n  }\n": typeof types.DeleteAccountDocument,
    "\n  fragment DeviceList_session on DeviceSession {\n    id\n    createdAt\n    userAgent\n    current\n  }\n": typeof types.DeviceList_SessionFragmentDoc,
    "\n  mutation EndDeviceSession($input: EndDeviceSessionInput!) {\n    endDeviceSession(input: $input)\n  }\n": typeof types.EndDeviceSessionDocument,
    "\n  query MyData {\n    personalData {\n      person {\n        id\n        name\n        email\n      }\n      ...ProfileSection_data\n      ...ContributionsSection_data\n      sessions {\n        id\n        ...DeviceList_session\n      }\n      exportPath\n      canDelete\n    }\n  }\n": typeof types.MyDataDocument,
    "\n  fragment ProfileSection_data on PersonalData {\n    person {\n      id\n      name\n      email\n      systemRole\n    }\n    signIn {\n      ...SignInMethods_methods\n    }\n    groups {\n      group\n      actionFieldKey\n    }\n    bodies\n  }\n": typeof types.ProfileSection_DataFragmentDoc,
    "\n  fragment ContributionsSection_data on PersonalData {\n    commentCount\n    tasks {\n      id\n    }\n    activity {\n      id\n    }\n    notificationCount\n  }\n": typeof types.ContributionsSection_DataFragmentDoc,
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
    "\n  fragment AuditEntryList_entry on AuditEntry {\n    id\n    action\n    actorId\n    actorName\n    subjectId\n    subjectName\n    detail\n    createdAt\n  }\n": typeof types.AuditEntryList_EntryFragmentDoc,
    "\n  query AuditTrail($first: Int!, $subjectId: ID) {\n    auditEntries(first: $first, subjectId: $subjectId) {\n      id\n      subjectId\n      subjectName\n      ...AuditEntryList_entry\n    }\n    people {\n      id\n      name\n    }\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n      }\n    }\n  }\n": typeof types.AuditTrailDocument,
    "\n  query OlderAuditEntries($first: Int!, $before: ID!, $subjectId: ID) {\n    auditEntries(first: $first, before: $before, subjectId: $subjectId) {\n      id\n      ...AuditEntryList_entry\n    }\n  }\n": typeof types.OlderAuditEntriesDocument,
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
    "\n  query CompareDocuments {\n    documents {\n      id\n      title\n    }\n  }\n": typeof types.CompareDocumentsDocument,
    "\n  query CompareVersions($documentId: ID!) {\n    documentVersions(documentId: $documentId) {\n      id\n      label\n      createdAt\n    }\n  }\n": typeof types.CompareVersionsDocument,
    "\n  query CompareContent($documentId: ID!, $from: ID, $to: ID) {\n    from: documentContent(documentId: $documentId, versionId: $from) {\n      doc\n      text\n    }\n    to: documentContent(documentId: $documentId, versionId: $to) {\n      doc\n      text\n    }\n  }\n": typeof types.CompareContentDocument,
    "\n  query CompareMeasure($id: ID!) {\n    measure(id: $id) {\n      id\n      code\n      title\n      sheet {\n        field\n        label\n        items\n      }\n    }\n    paper {\n      id\n      editions {\n        id\n        name\n        createdAt\n      }\n    }\n  }\n": typeof types.CompareMeasureDocument,
    "\n  query CompareMeasureEdition($editionId: ID!, $measureId: ID!) {\n    paperEdition(id: $editionId) {\n      id\n      measureSheet(measureId: $measureId) {\n        field\n        label\n        items\n      }\n    }\n  }\n": typeof types.CompareMeasureEditionDocument,
    "\n  fragment ActionFieldCard_summary on ActionFieldSummary {\n    actionField {\n      key\n      name {\n        de\n        en\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n    viewerSeesInside\n    documentCounts {\n      status\n      count\n    }\n    openTaskCount\n    overdueTaskCount\n    nextMilestone {\n      id\n      title\n      date\n    }\n  }\n": typeof types.ActionFieldCard_SummaryFragmentDoc,
    "\n  fragment ActivityList_activity on Activity {\n    id\n    verb\n    actorName\n    subjectTitle\n    detail\n    documentId\n    createdAt\n  }\n": typeof types.ActivityList_ActivityFragmentDoc,
    "\n  query Dashboard {\n    dashboard {\n      process {\n        id\n        title\n        description\n        periodStart\n        periodEnd\n        budgetLines {\n          id\n          amountEur\n          year\n          source\n        }\n      }\n      myWork {\n        roles\n        items {\n          id\n          role\n          kind\n          ...WorkList_item\n        }\n      }\n      actionFields {\n        actionField {\n          key\n        }\n        ...ActionFieldCard_summary\n      }\n      upcomingMilestones {\n        id\n        ...MilestoneTimeline_milestone\n      }\n      myTasks {\n        id\n        ...TaskCard_task\n      }\n      recentActivity {\n        id\n        ...ActivityList_activity\n      }\n      review {\n        ...ReviewOverview_review\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  subscription DashboardReviewChanged {\n    reviewChanged {\n      kind\n      roundId\n    }\n  }\n": typeof types.DashboardReviewChangedDocument,
    "\n  subscription DashboardTaskChanged {\n    taskChanged {\n      kind\n      taskId\n    }\n  }\n": typeof types.DashboardTaskChangedDocument,
    "\n  mutation DashboardMoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n": typeof types.DashboardMoveTaskDocument,
    "\n  fragment MilestoneTimeline_milestone on Milestone {\n    id\n    title\n    date\n    done\n    actionFieldKey\n  }\n": typeof types.MilestoneTimeline_MilestoneFragmentDoc,
    "\n  fragment ReviewOverview_review on ReviewDashboard {\n    roundsInProgress {\n      id\n      number\n      title\n      answeredCount\n      openRemarkCount\n      bodies {\n        id\n      }\n    }\n    remarksWaiting {\n      round {\n        id\n        number\n        title\n      }\n      group {\n        id\n      }\n      withoutResponse\n      awaitingApproval\n    }\n    steeringInbox {\n      round {\n        id\n        number\n        title\n      }\n      pendingItems {\n        index\n      }\n    }\n  }\n": typeof types.ReviewOverview_ReviewFragmentDoc,
    "\n  query DocumentPage($id: ID!) {\n    document(id: $id) {\n      id\n      title\n      kind\n      status\n      actionFieldKey\n      reviewDeadline\n      viewerMode\n      viewerCanEdit\n      viewerCanComment\n      group {\n        id\n        name {\n          de\n          en\n        }\n      }\n      sharedWith {\n        id\n        name\n      }\n      reviewRounds {\n        id\n        number\n        title\n        status\n      }\n    }\n  }\n": typeof types.DocumentPageDocument,
    "\n  mutation MarkDocumentSeen($documentId: ID!) {\n    markDocumentSeen(documentId: $documentId) {\n      seenAt\n    }\n  }\n": typeof types.MarkDocumentSeenDocument,
    "\n  mutation RenameDocument($input: UpdateDocumentInput!) {\n    updateDocument(input: $input) {\n      document {\n        id\n        title\n      }\n    }\n  }\n": typeof types.RenameDocumentDocument,
    "\n  query ExportFormats {\n    exportFormats {\n      format\n      available\n    }\n  }\n": typeof types.ExportFormatsDocument,
    "\n  mutation RequestExport($input: RequestExportInput!) {\n    requestExport(input: $input) {\n      job {\n        id\n        ...ExportButtons_job\n      }\n    }\n  }\n": typeof types.RequestExportDocument,
    "\n  query ExportJobProgress($id: ID!) {\n    exportJob(id: $id) {\n      id\n      ...ExportButtons_job\n    }\n  }\n": typeof types.ExportJobProgressDocument,
    "\n  fragment ExportButtons_job on ExportJob {\n    id\n    format\n    status\n    progress\n    stage\n    fileName\n    bytes\n    error\n    downloadUrl\n  }\n": typeof types.ExportButtons_JobFragmentDoc,
    "\n  mutation CreateMeasure($input: CreateMeasureInput!) {\n    createMeasure(input: $input) {\n      measure {\n        id\n        code\n      }\n    }\n  }\n": typeof types.CreateMeasureDocument,
    "\n  fragment MeasureDecisions_measure on Measure {\n    id\n    status\n    decisions {\n      id\n      outcome\n      reason\n      conditions\n      meetingDate\n      supersededAt\n      viewerSeesRound\n      round {\n        id\n        title\n      }\n    }\n  }\n": typeof types.MeasureDecisions_MeasureFragmentDoc,
    "\n  query MeasurePage($id: ID!) {\n    measure(id: $id) {\n      id\n      code\n      title\n      status\n      statusChangedAt\n      actionFieldKey\n      updatedAt\n      group {\n        id\n        name {\n          de\n          en\n        }\n      }\n      descriptionDocument {\n        id\n      }\n      viewerCanReportProgress\n      viewerStatusTransitions\n      sheet {\n        field\n        label\n        items\n      }\n      progress {\n        id\n        date\n        note\n        status\n        authorName\n      }\n      changes(first: 50) {\n        id\n        field\n        before\n        after\n        byName\n        at\n      }\n      ...MeasureSheetForm_measure\n      ...MeasureDecisions_measure\n    }\n    measureOptions {\n      districts\n      targetGroups\n    }\n    organisations {\n      id\n      name\n    }\n  }\n": typeof types.MeasurePageDocument,
    "\n  mutation ChangeMeasureStatus($input: ChangeMeasureStatusInput!) {\n    changeMeasureStatus(input: $input) {\n      measure {\n        id\n        status\n        revision\n        viewerStatusTransitions\n        viewerCanEdit\n        viewerCanReportProgress\n        progress {\n          id\n          date\n          note\n          status\n          authorName\n        }\n      }\n    }\n  }\n": typeof types.ChangeMeasureStatusDocument,
    "\n  mutation AddMeasureProgress($input: AddMeasureProgressInput!) {\n    addMeasureProgress(input: $input) {\n      measure {\n        id\n        status\n        revision\n        viewerStatusTransitions\n        progress {\n          id\n          date\n          note\n          status\n          authorName\n        }\n      }\n    }\n  }\n": typeof types.AddMeasureProgressDocument,
    "\n  mutation UpdateMeasure($input: UpdateMeasureInput!) {\n    updateMeasure(input: $input) {\n      measure {\n        id\n        ...MeasureSheetForm_measure\n        changes(first: 50) {\n          id\n          field\n          before\n          after\n          byName\n          at\n        }\n      }\n    }\n  }\n": typeof types.UpdateMeasureDocument,
    "\n  fragment MeasureSheetForm_measure on Measure {\n    id\n    code\n    title\n    revision\n    goal\n    startingSituation\n    targetGroups\n    districts\n    leadUnit\n    leadOrganisation {\n      id\n      name\n    }\n    partnerOrganisations {\n      id\n      name\n    }\n    start\n    end\n    horizon\n    priority\n    indicators {\n      name\n      baseline\n      target\n      source\n      interval\n    }\n    budget {\n      amountEur\n      source\n      budgetLine\n    }\n    viewerCanEdit\n  }\n": typeof types.MeasureSheetForm_MeasureFragmentDoc,
    "\n  query MeasuresPage($filter: MeasureFilter, $sort: MeasureSort) {\n    measures(filter: $filter, sort: $sort) {\n      total\n      statusCounts {\n        status\n        count\n      }\n      items {\n        id\n        code\n        title\n        status\n        actionFieldKey\n        priority\n        districts\n        updatedAt\n        leadUnit\n        leadOrganisation {\n          id\n          name\n        }\n      }\n    }\n    measureOptions {\n      districts\n      targetGroups\n      viewerCanCreateIn\n    }\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n        group {\n          id\n        }\n      }\n    }\n    organisations {\n      id\n      name\n    }\n  }\n": typeof types.MeasuresPageDocument,
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
    "\n  mutation UpdatePaperOutline($input: UpdatePaperInput!) {\n    updatePaper(input: $input) {\n      paper {\n        id\n        revision\n        outline {\n          id\n          kind\n          title\n          documentId\n          measureId\n          actionFieldKey\n          label\n          missing\n        }\n      }\n    }\n  }\n": typeof types.UpdatePaperOutlineDocument,
    "\n  query PaperPage {\n    paper {\n      id\n      title\n      revision\n      viewerCanManage\n      outline {\n        id\n        kind\n        title\n        documentId\n        measureId\n        actionFieldKey\n        label\n        missing\n      }\n      editions {\n        id\n        name\n        createdByName\n        createdAt\n      }\n    }\n    documents {\n      id\n      title\n    }\n    measures {\n      items {\n        id\n        code\n        title\n      }\n    }\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n      }\n    }\n  }\n": typeof types.PaperPageDocument,
    "\n  mutation CreatePaperEdition($input: CreatePaperEditionInput!) {\n    createPaperEdition(input: $input) {\n      edition {\n        id\n        name\n        createdByName\n        createdAt\n      }\n    }\n  }\n": typeof types.CreatePaperEditionDocument,
    "\n  query PaperReading($editionId: ID) {\n    paperReading(editionId: $editionId) {\n      editionId\n      editionName\n      title\n      subtitle\n      date\n      html\n      complete\n      hiddenParts\n      missingParts\n      toc {\n        anchor\n        level\n        number\n        text\n      }\n    }\n  }\n": typeof types.PaperReadingDocument,
    "\n  mutation AddGroupMember($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": typeof types.AddGroupMemberDocument,
    "\n  mutation AddBodyMember($input: BodyMemberInput!) {\n    addBodyMember(input: $input) {\n      body {\n        id\n        memberCount\n      }\n    }\n  }\n": typeof types.AddBodyMemberDocument,
    "\n  mutation CreateInvitation($input: CreateInvitationInput!) {\n    createInvitation(input: $input) {\n      invitation {\n        id\n        email\n        name\n        link\n        expiresAt\n      }\n    }\n  }\n": typeof types.CreateInvitationDocument,
    "\n  mutation ChangeGroupRole($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": typeof types.ChangeGroupRoleDocument,
    "\n  mutation RemoveGroupMember($input: RemoveGroupMemberInput!) {\n    removeGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": typeof types.RemoveGroupMemberDocument,
    "\n  mutation RemoveBodyMember($input: BodyMemberInput!) {\n    removeBodyMember(input: $input) {\n      body {\n        id\n        memberCount\n      }\n    }\n  }\n": typeof types.RemoveBodyMemberDocument,
    "\n  query PeoplePage($filter: PeopleFilter) {\n    people(filter: $filter) {\n      id\n      name\n      email\n      status\n      systemRole\n      signInMethods {\n        ...SignInMethods_methods\n      }\n      organisation {\n        id\n        name\n      }\n      groupMemberships {\n        role\n        sector\n        group {\n          id\n          actionFieldKey\n          name {\n            de\n            en\n          }\n        }\n      }\n      pendingGroupMemberships {\n        role\n        group {\n          id\n          name {\n            de\n            en\n          }\n        }\n      }\n      bodies {\n        id\n        name\n      }\n    }\n    organisations {\n      id\n      name\n      partnerType\n    }\n    process {\n      id\n      actionFields {\n        key\n        group {\n          id\n          name {\n            de\n            en\n          }\n        }\n      }\n      bodies {\n        id\n        name\n        kind\n      }\n    }\n  }\n": typeof types.PeoplePageDocument,
    "\n  mutation DeactivatePerson($personId: ID!) {\n    deactivatePerson(personId: $personId) {\n      person {\n        id\n        status\n      }\n    }\n  }\n": typeof types.DeactivatePersonDocument,
    "\n  mutation ReactivatePerson($personId: ID!) {\n    reactivatePerson(personId: $personId) {\n      person {\n        id\n        status\n      }\n    }\n  }\n": typeof types.ReactivatePersonDocument,
    "\n  query PersonData($personId: ID!) {\n    personalData(personId: $personId) {\n      person {\n        id\n        name\n        email\n      }\n      signIn {\n        secondFactor\n      }\n      ...ProfileSection_data\n      ...ContributionsSection_data\n      sessions {\n        id\n        ...DeviceList_session\n      }\n      exportPath\n      canDelete\n    }\n  }\n": typeof types.PersonDataDocument,
    "\n  mutation ResetSecondFactor($input: ResetSecondFactorInput!) {\n    resetSecondFactor(input: $input) {\n      id\n    }\n  }\n": typeof types.ResetSecondFactorDocument,
    "\n  query CreateRoundOptions {\n    documents {\n      id\n      title\n      kind\n      status\n      actionFieldKey\n    }\n    bodies {\n      id\n      name\n      kind\n    }\n    measures(filter: { statuses: [PROPOSED] }) {\n      items {\n        id\n        code\n        title\n      }\n    }\n  }\n": typeof types.CreateRoundOptionsDocument,
    "\n  mutation CreateReviewRound($input: CreateReviewRoundInput!) {\n    createReviewRound(input: $input) {\n      round {\n        id\n        number\n      }\n    }\n  }\n": typeof types.CreateReviewRoundDocument,
    "\n  mutation RecordDecision($input: RecordDecisionInput!) {\n    recordDecision(input: $input) {\n      decision {\n        id\n        outcome\n      }\n    }\n  }\n": typeof types.RecordDecisionDocument,
    "\n  mutation CorrectDecision($input: CorrectDecisionInput!) {\n    correctDecision(input: $input) {\n      decision {\n        id\n        outcome\n      }\n    }\n  }\n": typeof types.CorrectDecisionDocument,
    "\n  fragment PassageDiff_passage on PassageChange {\n    status\n    changed\n    currentText\n    parts {\n      kind\n      text\n    }\n  }\n": typeof types.PassageDiff_PassageFragmentDoc,
    "\n  fragment RemarkItem_remark on Remark {\n    id\n    number\n    label\n    itemIndex\n    anchor\n    quote\n    text\n    proposedWording\n    viewerCanEdit\n    response {\n      id\n      vote\n      reason\n      status\n    }\n  }\n": typeof types.RemarkItem_RemarkFragmentDoc,
    "\n  fragment ResponseRow_row on ResponseTableRow {\n    position\n    label\n    bodyName\n    submittedAt\n    documentTitle\n    status\n    vote\n    reason\n    draftedByName\n    approvedByName\n    warnings\n    viewerCanDraft\n    viewerCanApprove\n    viewerCanSendBack\n    viewerCanCreateTask\n    remark {\n      id\n      quote\n      text\n      proposedWording\n      task {\n        id\n        title\n      }\n    }\n    passage {\n      ...PassageDiff_passage\n    }\n  }\n": typeof types.ResponseRow_RowFragmentDoc,
    "\n  mutation SaveResponse($input: SaveResponseInput!) {\n    saveResponse(input: $input) {\n      remark {\n        id\n      }\n    }\n  }\n": typeof types.SaveResponseDocument,
    "\n  mutation ApproveResponse($input: ApproveResponseInput!) {\n    approveResponse(input: $input) {\n      remark {\n        id\n      }\n    }\n  }\n": typeof types.ApproveResponseDocument,
    "\n  mutation SendBackResponse($input: SendBackResponseInput!) {\n    sendBackResponse(input: $input) {\n      remark {\n        id\n      }\n    }\n  }\n": typeof types.SendBackResponseDocument,
    "\n  mutation CreateTaskFromRemark($input: CreateTaskFromRemarkInput!) {\n    createTaskFromRemark(input: $input) {\n      task {\n        id\n      }\n    }\n  }\n": typeof types.CreateTaskFromRemarkDocument,
    "\n  query ResponseTablePage($roundId: ID!, $filter: ResponseTableFilter) {\n    reviewRound(id: $roundId) {\n      id\n      number\n      title\n      items {\n        index\n        title\n      }\n      bodies {\n        id\n        name\n      }\n    }\n    responseTable(roundId: $roundId, filter: $filter) {\n      counts {\n        total\n        open\n        draft\n        approved\n        warnings\n      }\n      rows {\n        ...ResponseRow_row\n        remark {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ResponseTablePageDocument,
    "\n  query ReviewRoundPage($id: ID!) {\n    reviewRound(id: $id) {\n      id\n      number\n      title\n      status\n      deadline\n      openedAt\n      evaluatedAt\n      cancelReason\n      viewerCanManage\n      responsesPublished\n      answeredCount\n      remarkCount\n      openRemarkCount\n      myBodyIds\n      items {\n        index\n        title\n        documentId\n        versionId\n        document {\n          id\n        }\n        group {\n          id\n          name {\n            de\n            en\n          }\n        }\n        decision {\n          id\n          outcome\n          conditions\n          meetingDate\n        }\n      }\n      progress {\n        body {\n          id\n          name\n        }\n        status\n        submittedAt\n        late\n        remarkCount\n        statementId\n      }\n      statements {\n        id\n      }\n    }\n  }\n": typeof types.ReviewRoundPageDocument,
    "\n  mutation OpenReviewRound($id: ID!) {\n    openReviewRound(roundId: $id) {\n      round {\n        id\n        status\n        items {\n          index\n          versionId\n        }\n      }\n    }\n  }\n": typeof types.OpenReviewRoundDocument,
    "\n  mutation CloseReviewRound($id: ID!) {\n    closeReviewRound(roundId: $id) {\n      round {\n        id\n        status\n      }\n    }\n  }\n": typeof types.CloseReviewRoundDocument,
    "\n  mutation EvaluateReviewRound($id: ID!) {\n    evaluateReviewRound(roundId: $id) {\n      round {\n        id\n        status\n      }\n    }\n  }\n": typeof types.EvaluateReviewRoundDocument,
    "\n  mutation CancelReviewRound($input: CancelReviewRoundInput!) {\n    cancelReviewRound(input: $input) {\n      round {\n        id\n        status\n      }\n    }\n  }\n": typeof types.CancelReviewRoundDocument,
    "\n  mutation UpdateReviewRound($input: UpdateReviewRoundInput!) {\n    updateReviewRound(input: $input) {\n      round {\n        id\n        status\n        deadline\n      }\n    }\n  }\n": typeof types.UpdateReviewRoundDocument,
    "\n  query ReviewRounds {\n    reviewRounds {\n      id\n      ...RoundCard_round\n    }\n  }\n": typeof types.ReviewRoundsDocument,
    "\n  subscription ReviewChanged($roundId: ID) {\n    reviewChanged(roundId: $roundId) {\n      kind\n      roundId\n    }\n  }\n": typeof types.ReviewChangedDocument,
    "\n  fragment RoundCard_round on ReviewRound {\n    id\n    number\n    title\n    status\n    deadline\n    answeredCount\n    openRemarkCount\n    remarkCount\n    bodies {\n      id\n    }\n    items {\n      index\n      title\n    }\n  }\n": typeof types.RoundCard_RoundFragmentDoc,
    "\n  query StatementPage($roundId: ID!, $statementId: ID!) {\n    reviewRound(id: $roundId) {\n      id\n      number\n      title\n      status\n      deadline\n      myBodyIds\n      responsesPublished\n      items {\n        index\n        title\n        versionId\n      }\n      bodies {\n        id\n        name\n      }\n    }\n    statement(id: $statementId) {\n      id\n      textDocumentId\n      assessment\n      meetingDate\n      resolutionRef\n      status\n      late\n      submittedAt\n      submittedBy {\n        id\n        name\n      }\n      viewerCanWrite\n      viewerCanSubmit\n      viewerCanWithdraw\n      remarks {\n        id\n        ...RemarkItem_remark\n      }\n      commentCandidates {\n        id\n        quote\n        comments {\n          id\n          body\n          author {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.StatementPageDocument,
    "\n  query ReviewItemVersion($roundId: ID!, $itemIndex: Int!) {\n    reviewItemVersion(roundId: $roundId, itemIndex: $itemIndex) {\n      versionId\n      label\n      state\n    }\n  }\n": typeof types.ReviewItemVersionDocument,
    "\n  mutation StartStatement($input: StartStatementInput!) {\n    startStatement(input: $input) {\n      statement {\n        id\n      }\n    }\n  }\n": typeof types.StartStatementDocument,
    "\n  mutation UpdateStatement($input: UpdateStatementInput!) {\n    updateStatement(input: $input) {\n      statement {\n        id\n        assessment\n        meetingDate\n        resolutionRef\n      }\n    }\n  }\n": typeof types.UpdateStatementDocument,
    "\n  mutation SubmitStatement($input: StatementActionInput!) {\n    submitStatement(input: $input) {\n      statement {\n        id\n        status\n      }\n    }\n  }\n": typeof types.SubmitStatementDocument,
    "\n  mutation WithdrawStatement($input: StatementActionInput!) {\n    withdrawStatement(input: $input) {\n      statement {\n        id\n        status\n      }\n    }\n  }\n": typeof types.WithdrawStatementDocument,
    "\n  mutation AddRemark($input: AddRemarkInput!) {\n    addRemark(input: $input) {\n      remark {\n        id\n        label\n      }\n    }\n  }\n": typeof types.AddRemarkDocument,
    "\n  mutation DeleteRemark($remarkId: ID!) {\n    deleteRemark(remarkId: $remarkId) {\n      deletedRemarkId\n    }\n  }\n": typeof types.DeleteRemarkDocument,
    "\n  mutation AddRemarkFromComment($input: AddRemarkFromCommentInput!) {\n    addRemarkFromComment(input: $input) {\n      remark {\n        id\n        label\n      }\n    }\n  }\n": typeof types.AddRemarkFromCommentDocument,
    "\n  query SteeringInboxPage {\n    steeringInbox {\n      round {\n        id\n        number\n        title\n        evaluatedAt\n        answeredCount\n        remarkCount\n        bodies {\n          id\n        }\n      }\n      pendingItems {\n        index\n        title\n        documentId\n      }\n    }\n    reviewRounds(status: EVALUATED) {\n      id\n      number\n      title\n      items {\n        index\n        title\n        decision {\n          id\n          outcome\n          reason\n          conditions\n          meetingDate\n          recordedByName\n          viewerCanCorrect\n        }\n        decisionHistory {\n          id\n          outcome\n          recordedByName\n          recordedAt\n          supersededAt\n        }\n      }\n    }\n  }\n": typeof types.SteeringInboxPageDocument,
    "\n  query SearchPage($query: String!) {\n    search(query: $query, first: 40) {\n      total\n      hits {\n        id\n        type\n        title\n        context\n        link\n        snippet {\n          text\n          highlight\n        }\n      }\n    }\n  }\n": typeof types.SearchPageDocument,
    "\n  fragment TaskCard_task on Task {\n    id\n    title\n    description\n    status\n    priority\n    deadline\n    overdue\n    actionFieldKey\n    viewerCanEdit\n    viewerCanDelete\n    assignees {\n      id\n      name\n    }\n    document {\n      id\n      title\n    }\n    origin {\n      kind\n      roundId\n    }\n  }\n": typeof types.TaskCard_TaskFragmentDoc,
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
    "\n  query AppViewer {\n    viewer {\n      id\n      locale\n      canInvite\n      canManagePeople\n      canManageBodies\n      canAdministerPeopleData\n      actionFieldKeysICanManage\n      person {\n        id\n        name\n        email\n        systemRole\n        organisation {\n          id\n          name\n        }\n        bodies {\n          id\n          name\n          kind\n        }\n        groupMemberships {\n          role\n          group {\n            id\n            actionFieldKey\n          }\n        }\n      }\n    }\n  }\n": types.AppViewerDocument,
    "\n  mutation CollabTicket($documentId: ID!) {\n    collabTicket(documentId: $documentId) {\n      ticket\n      url\n      mode\n    }\n  }\n": types.CollabTicketDocument,
    "\n  query CityAccountOptions {\n    signInOptions {\n      cityAccountLabel\n      cityAccountPath\n      cityAccountContact\n    }\n  }\n": types.CityAccountOptionsDocument,
    "\n  mutation DeleteAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input) {\n      deletedPersonId\n      signedOut\n    }\n  }\n": types.DeleteAccountDocument,
    "\n  fragment DeviceList_session on DeviceSession {\n    id\n    createdAt\n    userAgent\n    current\n  }\n": types.DeviceList_SessionFragmentDoc,
    "\n  mutation EndDeviceSession($input: EndDeviceSessionInput!) {\n    endDeviceSession(input: $input)\n  }\n": types.EndDeviceSessionDocument,
    "\n  query MyData {\n    personalData {\n      person {\n        id\n        name\n        email\n      }\n      ...ProfileSection_data\n      ...ContributionsSection_data\n      sessions {\n        id\n        ...DeviceList_session\n      }\n      exportPath\n      canDelete\n    }\n  }\n": types.MyDataDocument,
    "\n  fragment ProfileSection_data on PersonalData {\n    person {\n      id\n      name\n      email\n      systemRole\n    }\n    signIn {\n      ...SignInMethods_methods\n    }\n    groups {\n      group\n      actionFieldKey\n    }\n    bodies\n  }\n": types.ProfileSection_DataFragmentDoc,
    "\n  fragment ContributionsSection_data on PersonalData {\n    commentCount\n    tasks {\n      id\n    }\n    activity {\n      id\n    }\n    notificationCount\n  }\n": types.ContributionsSection_DataFragmentDoc,
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
    "\n  fragment AuditEntryList_entry on AuditEntry {\n    id\n    action\n    actorId\n    actorName\n    subjectId\n    subjectName\n    detail\n    createdAt\n  }\n": types.AuditEntryList_EntryFragmentDoc,
    "\n  query AuditTrail($first: Int!, $subjectId: ID) {\n    auditEntries(first: $first, subjectId: $subjectId) {\n      id\n      subjectId\n      subjectName\n      ...AuditEntryList_entry\n    }\n    people {\n      id\n      name\n    }\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n      }\n    }\n  }\n": types.AuditTrailDocument,
    "\n  query OlderAuditEntries($first: Int!, $before: ID!, $subjectId: ID) {\n    auditEntries(first: $first, before: $before, subjectId: $subjectId) {\n      id\n      ...AuditEntryList_entry\n    }\n  }\n": types.OlderAuditEntriesDocument,
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
    "\n  query CompareDocuments {\n    documents {\n      id\n      title\n    }\n  }\n": types.CompareDocumentsDocument,
    "\n  query CompareVersions($documentId: ID!) {\n    documentVersions(documentId: $documentId) {\n      id\n      label\n      createdAt\n    }\n  }\n": types.CompareVersionsDocument,
    "\n  query CompareContent($documentId: ID!, $from: ID, $to: ID) {\n    from: documentContent(documentId: $documentId, versionId: $from) {\n      doc\n      text\n    }\n    to: documentContent(documentId: $documentId, versionId: $to) {\n      doc\n      text\n    }\n  }\n": types.CompareContentDocument,
    "\n  query CompareMeasure($id: ID!) {\n    measure(id: $id) {\n      id\n      code\n      title\n      sheet {\n        field\n        label\n        items\n      }\n    }\n    paper {\n      id\n      editions {\n        id\n        name\n        createdAt\n      }\n    }\n  }\n": types.CompareMeasureDocument,
    "\n  query CompareMeasureEdition($editionId: ID!, $measureId: ID!) {\n    paperEdition(id: $editionId) {\n      id\n      measureSheet(measureId: $measureId) {\n        field\n        label\n        items\n      }\n    }\n  }\n": types.CompareMeasureEditionDocument,
    "\n  fragment ActionFieldCard_summary on ActionFieldSummary {\n    actionField {\n      key\n      name {\n        de\n        en\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n    viewerSeesInside\n    documentCounts {\n      status\n      count\n    }\n    openTaskCount\n    overdueTaskCount\n    nextMilestone {\n      id\n      title\n      date\n    }\n  }\n": types.ActionFieldCard_SummaryFragmentDoc,
    "\n  fragment ActivityList_activity on Activity {\n    id\n    verb\n    actorName\n    subjectTitle\n    detail\n    documentId\n    createdAt\n  }\n": types.ActivityList_ActivityFragmentDoc,
    "\n  query Dashboard {\n    dashboard {\n      process {\n        id\n        title\n        description\n        periodStart\n        periodEnd\n        budgetLines {\n          id\n          amountEur\n          year\n          source\n        }\n      }\n      myWork {\n        roles\n        items {\n          id\n          role\n          kind\n          ...WorkList_item\n        }\n      }\n      actionFields {\n        actionField {\n          key\n        }\n        ...ActionFieldCard_summary\n      }\n      upcomingMilestones {\n        id\n        ...MilestoneTimeline_milestone\n      }\n      myTasks {\n        id\n        ...TaskCard_task\n      }\n      recentActivity {\n        id\n        ...ActivityList_activity\n      }\n      review {\n        ...ReviewOverview_review\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  subscription DashboardReviewChanged {\n    reviewChanged {\n      kind\n      roundId\n    }\n  }\n": types.DashboardReviewChangedDocument,
    "\n  subscription DashboardTaskChanged {\n    taskChanged {\n      kind\n      taskId\n    }\n  }\n": types.DashboardTaskChangedDocument,
    "\n  mutation DashboardMoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) {\n      task {\n        id\n        ...TaskCard_task\n      }\n    }\n  }\n": types.DashboardMoveTaskDocument,
    "\n  fragment MilestoneTimeline_milestone on Milestone {\n    id\n    title\n    date\n    done\n    actionFieldKey\n  }\n": types.MilestoneTimeline_MilestoneFragmentDoc,
    "\n  fragment ReviewOverview_review on ReviewDashboard {\n    roundsInProgress {\n      id\n      number\n      title\n      answeredCount\n      openRemarkCount\n      bodies {\n        id\n      }\n    }\n    remarksWaiting {\n      round {\n        id\n        number\n        title\n      }\n      group {\n        id\n      }\n      withoutResponse\n      awaitingApproval\n    }\n    steeringInbox {\n      round {\n        id\n        number\n        title\n      }\n      pendingItems {\n        index\n      }\n    }\n  }\n": types.ReviewOverview_ReviewFragmentDoc,
    "\n  query DocumentPage($id: ID!) {\n    document(id: $id) {\n      id\n      title\n      kind\n      status\n      actionFieldKey\n      reviewDeadline\n      viewerMode\n      viewerCanEdit\n      viewerCanComment\n      group {\n        id\n        name {\n          de\n          en\n        }\n      }\n      sharedWith {\n        id\n        name\n      }\n      reviewRounds {\n        id\n        number\n        title\n        status\n      }\n    }\n  }\n": types.DocumentPageDocument,
    "\n  mutation MarkDocumentSeen($documentId: ID!) {\n    markDocumentSeen(documentId: $documentId) {\n      seenAt\n    }\n  }\n": types.MarkDocumentSeenDocument,
    "\n  mutation RenameDocument($input: UpdateDocumentInput!) {\n    updateDocument(input: $input) {\n      document {\n        id\n        title\n      }\n    }\n  }\n": types.RenameDocumentDocument,
    "\n  query ExportFormats {\n    exportFormats {\n      format\n      available\n    }\n  }\n": types.ExportFormatsDocument,
    "\n  mutation RequestExport($input: RequestExportInput!) {\n    requestExport(input: $input) {\n      job {\n        id\n        ...ExportButtons_job\n      }\n    }\n  }\n": types.RequestExportDocument,
    "\n  query ExportJobProgress($id: ID!) {\n    exportJob(id: $id) {\n      id\n      ...ExportButtons_job\n    }\n  }\n": types.ExportJobProgressDocument,
    "\n  fragment ExportButtons_job on ExportJob {\n    id\n    format\n    status\n    progress\n    stage\n    fileName\n    bytes\n    error\n    downloadUrl\n  }\n": types.ExportButtons_JobFragmentDoc,
    "\n  mutation CreateMeasure($input: CreateMeasureInput!) {\n    createMeasure(input: $input) {\n      measure {\n        id\n        code\n      }\n    }\n  }\n": types.CreateMeasureDocument,
    "\n  fragment MeasureDecisions_measure on Measure {\n    id\n    status\n    decisions {\n      id\n      outcome\n      reason\n      conditions\n      meetingDate\n      supersededAt\n      viewerSeesRound\n      round {\n        id\n        title\n      }\n    }\n  }\n": types.MeasureDecisions_MeasureFragmentDoc,
    "\n  query MeasurePage($id: ID!) {\n    measure(id: $id) {\n      id\n      code\n      title\n      status\n      statusChangedAt\n      actionFieldKey\n      updatedAt\n      group {\n        id\n        name {\n          de\n          en\n        }\n      }\n      descriptionDocument {\n        id\n      }\n      viewerCanReportProgress\n      viewerStatusTransitions\n      sheet {\n        field\n        label\n        items\n      }\n      progress {\n        id\n        date\n        note\n        status\n        authorName\n      }\n      changes(first: 50) {\n        id\n        field\n        before\n        after\n        byName\n        at\n      }\n      ...MeasureSheetForm_measure\n      ...MeasureDecisions_measure\n    }\n    measureOptions {\n      districts\n      targetGroups\n    }\n    organisations {\n      id\n      name\n    }\n  }\n": types.MeasurePageDocument,
    "\n  mutation ChangeMeasureStatus($input: ChangeMeasureStatusInput!) {\n    changeMeasureStatus(input: $input) {\n      measure {\n        id\n        status\n        revision\n        viewerStatusTransitions\n        viewerCanEdit\n        viewerCanReportProgress\n        progress {\n          id\n          date\n          note\n          status\n          authorName\n        }\n      }\n    }\n  }\n": types.ChangeMeasureStatusDocument,
    "\n  mutation AddMeasureProgress($input: AddMeasureProgressInput!) {\n    addMeasureProgress(input: $input) {\n      measure {\n        id\n        status\n        revision\n        viewerStatusTransitions\n        progress {\n          id\n          date\n          note\n          status\n          authorName\n        }\n      }\n    }\n  }\n": types.AddMeasureProgressDocument,
    "\n  mutation UpdateMeasure($input: UpdateMeasureInput!) {\n    updateMeasure(input: $input) {\n      measure {\n        id\n        ...MeasureSheetForm_measure\n        changes(first: 50) {\n          id\n          field\n          before\n          after\n          byName\n          at\n        }\n      }\n    }\n  }\n": types.UpdateMeasureDocument,
    "\n  fragment MeasureSheetForm_measure on Measure {\n    id\n    code\n    title\n    revision\n    goal\n    startingSituation\n    targetGroups\n    districts\n    leadUnit\n    leadOrganisation {\n      id\n      name\n    }\n    partnerOrganisations {\n      id\n      name\n    }\n    start\n    end\n    horizon\n    priority\n    indicators {\n      name\n      baseline\n      target\n      source\n      interval\n    }\n    budget {\n      amountEur\n      source\n      budgetLine\n    }\n    viewerCanEdit\n  }\n": types.MeasureSheetForm_MeasureFragmentDoc,
    "\n  query MeasuresPage($filter: MeasureFilter, $sort: MeasureSort) {\n    measures(filter: $filter, sort: $sort) {\n      total\n      statusCounts {\n        status\n        count\n      }\n      items {\n        id\n        code\n        title\n        status\n        actionFieldKey\n        priority\n        districts\n        updatedAt\n        leadUnit\n        leadOrganisation {\n          id\n          name\n        }\n      }\n    }\n    measureOptions {\n      districts\n      targetGroups\n      viewerCanCreateIn\n    }\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n        group {\n          id\n        }\n      }\n    }\n    organisations {\n      id\n      name\n    }\n  }\n": types.MeasuresPageDocument,
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
    "\n  mutation UpdatePaperOutline($input: UpdatePaperInput!) {\n    updatePaper(input: $input) {\n      paper {\n        id\n        revision\n        outline {\n          id\n          kind\n          title\n          documentId\n          measureId\n          actionFieldKey\n          label\n          missing\n        }\n      }\n    }\n  }\n": types.UpdatePaperOutlineDocument,
    "\n  query PaperPage {\n    paper {\n      id\n      title\n      revision\n      viewerCanManage\n      outline {\n        id\n        kind\n        title\n        documentId\n        measureId\n        actionFieldKey\n        label\n        missing\n      }\n      editions {\n        id\n        name\n        createdByName\n        createdAt\n      }\n    }\n    documents {\n      id\n      title\n    }\n    measures {\n      items {\n        id\n        code\n        title\n      }\n    }\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n      }\n    }\n  }\n": types.PaperPageDocument,
    "\n  mutation CreatePaperEdition($input: CreatePaperEditionInput!) {\n    createPaperEdition(input: $input) {\n      edition {\n        id\n        name\n        createdByName\n        createdAt\n      }\n    }\n  }\n": types.CreatePaperEditionDocument,
    "\n  query PaperReading($editionId: ID) {\n    paperReading(editionId: $editionId) {\n      editionId\n      editionName\n      title\n      subtitle\n      date\n      html\n      complete\n      hiddenParts\n      missingParts\n      toc {\n        anchor\n        level\n        number\n        text\n      }\n    }\n  }\n": types.PaperReadingDocument,
    "\n  mutation AddGroupMember($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": types.AddGroupMemberDocument,
    "\n  mutation AddBodyMember($input: BodyMemberInput!) {\n    addBodyMember(input: $input) {\n      body {\n        id\n        memberCount\n      }\n    }\n  }\n": types.AddBodyMemberDocument,
    "\n  mutation CreateInvitation($input: CreateInvitationInput!) {\n    createInvitation(input: $input) {\n      invitation {\n        id\n        email\n        name\n        link\n        expiresAt\n      }\n    }\n  }\n": types.CreateInvitationDocument,
    "\n  mutation ChangeGroupRole($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": types.ChangeGroupRoleDocument,
    "\n  mutation RemoveGroupMember($input: RemoveGroupMemberInput!) {\n    removeGroupMember(input: $input) {\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": types.RemoveGroupMemberDocument,
    "\n  mutation RemoveBodyMember($input: BodyMemberInput!) {\n    removeBodyMember(input: $input) {\n      body {\n        id\n        memberCount\n      }\n    }\n  }\n": types.RemoveBodyMemberDocument,
    "\n  query PeoplePage($filter: PeopleFilter) {\n    people(filter: $filter) {\n      id\n      name\n      email\n      status\n      systemRole\n      signInMethods {\n        ...SignInMethods_methods\n      }\n      organisation {\n        id\n        name\n      }\n      groupMemberships {\n        role\n        sector\n        group {\n          id\n          actionFieldKey\n          name {\n            de\n            en\n          }\n        }\n      }\n      pendingGroupMemberships {\n        role\n        group {\n          id\n          name {\n            de\n            en\n          }\n        }\n      }\n      bodies {\n        id\n        name\n      }\n    }\n    organisations {\n      id\n      name\n      partnerType\n    }\n    process {\n      id\n      actionFields {\n        key\n        group {\n          id\n          name {\n            de\n            en\n          }\n        }\n      }\n      bodies {\n        id\n        name\n        kind\n      }\n    }\n  }\n": types.PeoplePageDocument,
    "\n  mutation DeactivatePerson($personId: ID!) {\n    deactivatePerson(personId: $personId) {\n      person {\n        id\n        status\n      }\n    }\n  }\n": types.DeactivatePersonDocument,
    "\n  mutation ReactivatePerson($personId: ID!) {\n    reactivatePerson(personId: $personId) {\n      person {\n        id\n        status\n      }\n    }\n  }\n": types.ReactivatePersonDocument,
    "\n  query PersonData($personId: ID!) {\n    personalData(personId: $personId) {\n      person {\n        id\n        name\n        email\n      }\n      signIn {\n        secondFactor\n      }\n      ...ProfileSection_data\n      ...ContributionsSection_data\n      sessions {\n        id\n        ...DeviceList_session\n      }\n      exportPath\n      canDelete\n    }\n  }\n": types.PersonDataDocument,
    "\n  mutation ResetSecondFactor($input: ResetSecondFactorInput!) {\n    resetSecondFactor(input: $input) {\n      id\n    }\n  }\n": types.ResetSecondFactorDocument,
    "\n  query CreateRoundOptions {\n    documents {\n      id\n      title\n      kind\n      status\n      actionFieldKey\n    }\n    bodies {\n      id\n      name\n      kind\n    }\n    measures(filter: { statuses: [PROPOSED] }) {\n      items {\n        id\n        code\n        title\n      }\n    }\n  }\n": types.CreateRoundOptionsDocument,
    "\n  mutation CreateReviewRound($input: CreateReviewRoundInput!) {\n    createReviewRound(input: $input) {\n      round {\n        id\n        number\n      }\n    }\n  }\n": types.CreateReviewRoundDocument,
    "\n  mutation RecordDecision($input: RecordDecisionInput!) {\n    recordDecision(input: $input) {\n      decision {\n        id\n        outcome\n      }\n    }\n  }\n": types.RecordDecisionDocument,
    "\n  mutation CorrectDecision($input: CorrectDecisionInput!) {\n    correctDecision(input: $input) {\n      decision {\n        id\n        outcome\n      }\n    }\n  }\n": types.CorrectDecisionDocument,
    "\n  fragment PassageDiff_passage on PassageChange {\n    status\n    changed\n    currentText\n    parts {\n      kind\n      text\n    }\n  }\n": types.PassageDiff_PassageFragmentDoc,
    "\n  fragment RemarkItem_remark on Remark {\n    id\n    number\n    label\n    itemIndex\n    anchor\n    quote\n    text\n    proposedWording\n    viewerCanEdit\n    response {\n      id\n      vote\n      reason\n      status\n    }\n  }\n": types.RemarkItem_RemarkFragmentDoc,
    "\n  fragment ResponseRow_row on ResponseTableRow {\n    position\n    label\n    bodyName\n    submittedAt\n    documentTitle\n    status\n    vote\n    reason\n    draftedByName\n    approvedByName\n    warnings\n    viewerCanDraft\n    viewerCanApprove\n    viewerCanSendBack\n    viewerCanCreateTask\n    remark {\n      id\n      quote\n      text\n      proposedWording\n      task {\n        id\n        title\n      }\n    }\n    passage {\n      ...PassageDiff_passage\n    }\n  }\n": types.ResponseRow_RowFragmentDoc,
    "\n  mutation SaveResponse($input: SaveResponseInput!) {\n    saveResponse(input: $input) {\n      remark {\n        id\n      }\n    }\n  }\n": types.SaveResponseDocument,
    "\n  mutation ApproveResponse($input: ApproveResponseInput!) {\n    approveResponse(input: $input) {\n      remark {\n        id\n      }\n    }\n  }\n": types.ApproveResponseDocument,
    "\n  mutation SendBackResponse($input: SendBackResponseInput!) {\n    sendBackResponse(input: $input) {\n      remark {\n        id\n      }\n    }\n  }\n": types.SendBackResponseDocument,
    "\n  mutation CreateTaskFromRemark($input: CreateTaskFromRemarkInput!) {\n    createTaskFromRemark(input: $input) {\n      task {\n        id\n      }\n    }\n  }\n": types.CreateTaskFromRemarkDocument,
    "\n  query ResponseTablePage($roundId: ID!, $filter: ResponseTableFilter) {\n    reviewRound(id: $roundId) {\n      id\n      number\n      title\n      items {\n        index\n        title\n      }\n      bodies {\n        id\n        name\n      }\n    }\n    responseTable(roundId: $roundId, filter: $filter) {\n      counts {\n        total\n        open\n        draft\n        approved\n        warnings\n      }\n      rows {\n        ...ResponseRow_row\n        remark {\n          id\n        }\n      }\n    }\n  }\n": types.ResponseTablePageDocument,
    "\n  query ReviewRoundPage($id: ID!) {\n    reviewRound(id: $id) {\n      id\n      number\n      title\n      status\n      deadline\n      openedAt\n      evaluatedAt\n      cancelReason\n      viewerCanManage\n      responsesPublished\n      answeredCount\n      remarkCount\n      openRemarkCount\n      myBodyIds\n      items {\n        index\n        title\n        documentId\n        versionId\n        document {\n          id\n        }\n        group {\n          id\n          name {\n            de\n            en\n          }\n        }\n        decision {\n          id\n          outcome\n          conditions\n          meetingDate\n        }\n      }\n      progress {\n        body {\n          id\n          name\n        }\n        status\n        submittedAt\n        late\n        remarkCount\n        statementId\n      }\n      statements {\n        id\n      }\n    }\n  }\n": types.ReviewRoundPageDocument,
    "\n  mutation OpenReviewRound($id: ID!) {\n    openReviewRound(roundId: $id) {\n      round {\n        id\n        status\n        items {\n          index\n          versionId\n        }\n      }\n    }\n  }\n": types.OpenReviewRoundDocument,
    "\n  mutation CloseReviewRound($id: ID!) {\n    closeReviewRound(roundId: $id) {\n      round {\n        id\n        status\n      }\n    }\n  }\n": types.CloseReviewRoundDocument,
    "\n  mutation EvaluateReviewRound($id: ID!) {\n    evaluateReviewRound(roundId: $id) {\n      round {\n        id\n        status\n      }\n    }\n  }\n": types.EvaluateReviewRoundDocument,
    "\n  mutation CancelReviewRound($input: CancelReviewRoundInput!) {\n    cancelReviewRound(input: $input) {\n      round {\n        id\n        status\n      }\n    }\n  }\n": types.CancelReviewRoundDocument,
    "\n  mutation UpdateReviewRound($input: UpdateReviewRoundInput!) {\n    updateReviewRound(input: $input) {\n      round {\n        id\n        status\n        deadline\n      }\n    }\n  }\n": types.UpdateReviewRoundDocument,
    "\n  query ReviewRounds {\n    reviewRounds {\n      id\n      ...RoundCard_round\n    }\n  }\n": types.ReviewRoundsDocument,
    "\n  subscription ReviewChanged($roundId: ID) {\n    reviewChanged(roundId: $roundId) {\n      kind\n      roundId\n    }\n  }\n": types.ReviewChangedDocument,
    "\n  fragment RoundCard_round on ReviewRound {\n    id\n    number\n    title\n    status\n    deadline\n    answeredCount\n    openRemarkCount\n    remarkCount\n    bodies {\n      id\n    }\n    items {\n      index\n      title\n    }\n  }\n": types.RoundCard_RoundFragmentDoc,
    "\n  query StatementPage($roundId: ID!, $statementId: ID!) {\n    reviewRound(id: $roundId) {\n      id\n      number\n      title\n      status\n      deadline\n      myBodyIds\n      responsesPublished\n      items {\n        index\n        title\n        versionId\n      }\n      bodies {\n        id\n        name\n      }\n    }\n    statement(id: $statementId) {\n      id\n      textDocumentId\n      assessment\n      meetingDate\n      resolutionRef\n      status\n      late\n      submittedAt\n      submittedBy {\n        id\n        name\n      }\n      viewerCanWrite\n      viewerCanSubmit\n      viewerCanWithdraw\n      remarks {\n        id\n        ...RemarkItem_remark\n      }\n      commentCandidates {\n        id\n        quote\n        comments {\n          id\n          body\n          author {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.StatementPageDocument,
    "\n  query ReviewItemVersion($roundId: ID!, $itemIndex: Int!) {\n    reviewItemVersion(roundId: $roundId, itemIndex: $itemIndex) {\n      versionId\n      label\n      state\n    }\n  }\n": types.ReviewItemVersionDocument,
    "\n  mutation StartStatement($input: StartStatementInput!) {\n    startStatement(input: $input) {\n      statement {\n        id\n      }\n    }\n  }\n": types.StartStatementDocument,
    "\n  mutation UpdateStatement($input: UpdateStatementInput!) {\n    updateStatement(input: $input) {\n      statement {\n        id\n        assessment\n        meetingDate\n        resolutionRef\n      }\n    }\n  }\n": types.UpdateStatementDocument,
    "\n  mutation SubmitStatement($input: StatementActionInput!) {\n    submitStatement(input: $input) {\n      statement {\n        id\n        status\n      }\n    }\n  }\n": types.SubmitStatementDocument,
    "\n  mutation WithdrawStatement($input: StatementActionInput!) {\n    withdrawStatement(input: $input) {\n      statement {\n        id\n        status\n      }\n    }\n  }\n": types.WithdrawStatementDocument,
    "\n  mutation AddRemark($input: AddRemarkInput!) {\n    addRemark(input: $input) {\n      remark {\n        id\n        label\n      }\n    }\n  }\n": types.AddRemarkDocument,
    "\n  mutation DeleteRemark($remarkId: ID!) {\n    deleteRemark(remarkId: $remarkId) {\n      deletedRemarkId\n    }\n  }\n": types.DeleteRemarkDocument,
    "\n  mutation AddRemarkFromComment($input: AddRemarkFromCommentInput!) {\n    addRemarkFromComment(input: $input) {\n      remark {\n        id\n        label\n      }\n    }\n  }\n": types.AddRemarkFromCommentDocument,
    "\n  query SteeringInboxPage {\n    steeringInbox {\n      round {\n        id\n        number\n        title\n        evaluatedAt\n        answeredCount\n        remarkCount\n        bodies {\n          id\n        }\n      }\n      pendingItems {\n        index\n        title\n        documentId\n      }\n    }\n    reviewRounds(status: EVALUATED) {\n      id\n      number\n      title\n      items {\n        index\n        title\n        decision {\n          id\n          outcome\n          reason\n          conditions\n          meetingDate\n          recordedByName\n          viewerCanCorrect\n        }\n        decisionHistory {\n          id\n          outcome\n          recordedByName\n          recordedAt\n          supersededAt\n        }\n      }\n    }\n  }\n": types.SteeringInboxPageDocument,
    "\n  query SearchPage($query: String!) {\n    search(query: $query, first: 40) {\n      total\n      hits {\n        id\n        type\n        title\n        context\n        link\n        snippet {\n          text\n          highlight\n        }\n      }\n    }\n  }\n": types.SearchPageDocument,
    "\n  fragment TaskCard_task on Task {\n    id\n    title\n    description\n    status\n    priority\n    deadline\n    overdue\n    actionFieldKey\n    viewerCanEdit\n    viewerCanDelete\n    assignees {\n      id\n      name\n    }\n    document {\n      id\n      title\n    }\n    origin {\n      kind\n      roundId\n    }\n  }\n": types.TaskCard_TaskFragmentDoc,
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
export function graphql(source: "\n  query AppViewer {\n    viewer {\n      id\n      locale\n      canInvite\n      canManagePeople\n      canManageBodies\n      canAdministerPeopleData\n      actionFieldKeysICanManage\n      person {\n        id\n        name\n        email\n        systemRole\n        organisation {\n          id\n          name\n        }\n        bodies {\n          id\n          name\n          kind\n        }\n        groupMemberships {\n          role\n          group {\n            id\n            actionFieldKey\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AppViewer {\n    viewer {\n      id\n      locale\n      canInvite\n      canManagePeople\n      canManageBodies\n      canAdministerPeopleData\n      actionFieldKeysICanManage\n      person {\n        id\n        name\n        email\n        systemRole\n        organisation {\n          id\n          name\n        }\n        bodies {\n          id\n          name\n          kind\n        }\n        groupMemberships {\n          role\n          group {\n            id\n            actionFieldKey\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CollabTicket($documentId: ID!) {\n    collabTicket(documentId: $documentId) {\n      ticket\n      url\n      mode\n    }\n  }\n"): (typeof documents)["\n  mutation CollabTicket($documentId: ID!) {\n    collabTicket(documentId: $documentId) {\n      ticket\n      url\n      mode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CityAccountOptions {\n    signInOptions {\n      cityAccountLabel\n      cityAccountPath\n      cityAccountContact\n    }\n  }\n"): (typeof documents)["\n  query CityAccountOptions {\n    signInOptions {\n      cityAccountLabel\n      cityAccountPath\n      cityAccountContact\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input) {\n      deletedPersonId\n      signedOut\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteAccount($input: DeleteAccountInput!) {\n    deleteAccount(input: $input) {\n      deletedPersonId\n      signedOut\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeviceList_session on DeviceSession {\n    id\n    createdAt\n    userAgent\n    current\n  }\n"): (typeof documents)["\n  fragment DeviceList_session on DeviceSession {\n    id\n    createdAt\n    userAgent\n    current\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndDeviceSession($input: EndDeviceSessionInput!) {\n    endDeviceSession(input: $input)\n  }\n"): (typeof documents)["\n  mutation EndDeviceSession($input: EndDeviceSessionInput!) {\n    endDeviceSession(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyData {\n    personalData {\n      person {\n        id\n        name\n        email\n      }\n      ...ProfileSection_data\n      ...ContributionsSection_data\n      sessions {\n        id\n        ...DeviceList_session\n      }\n      exportPath\n      canDelete\n    }\n  }\n"): (typeof documents)["\n  query MyData {\n    personalData {\n      person {\n        id\n        name\n        email\n      }\n      ...ProfileSection_data\n      ...ContributionsSection_data\n      sessions {\n        id\n        ...DeviceList_session\n      }\n      exportPath\n      canDelete\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfileSection_data on PersonalData {\n    person {\n      id\n      name\n      email\n      systemRole\n    }\n    signIn {\n      ...SignInMethods_methods\n    }\n    groups {\n      group\n      actionFieldKey\n    }\n    bodies\n  }\n"): (typeof documents)["\n  fragment ProfileSection_data on PersonalData {\n    person {\n      id\n      name\n      email\n      systemRole\n    }\n    signIn {\n      ...SignInMethods_methods\n    }\n    groups {\n      group\n      actionFieldKey\n    }\n    bodies\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContributionsSection_data on PersonalData {\n    commentCount\n    tasks {\n      id\n    }\n    activity {\n      id\n    }\n    notificationCount\n  }\n"): (typeof documents)["\n  fragment ContributionsSection_data on PersonalData {\n    commentCount\n    tasks {\n      id\n    }\n    activity {\n      id\n    }\n    notificationCount\n  }\n"];
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
export function graphql(source: "\n  fragment AuditEntryList_entry on AuditEntry {\n    id\n    action\n    actorId\n    actorName\n    subjectId\n    subjectName\n    detail\n    createdAt\n  }\n"): (typeof documents)["\n  fragment AuditEntryList_entry on AuditEntry {\n    id\n    action\n    actorId\n    actorName\n    subjectId\n    subjectName\n    detail\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditTrail($first: Int!, $subjectId: ID) {\n    auditEntries(first: $first, subjectId: $subjectId) {\n      id\n      subjectId\n      subjectName\n      ...AuditEntryList_entry\n    }\n    people {\n      id\n      name\n    }\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditTrail($first: Int!, $subjectId: ID) {\n    auditEntries(first: $first, subjectId: $subjectId) {\n      id\n      subjectId\n      subjectName\n      ...AuditEntryList_entry\n    }\n    people {\n      id\n      name\n    }\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OlderAuditEntries($first: Int!, $before: ID!, $subjectId: ID) {\n    auditEntries(first: $first, before: $before, subjectId: $subjectId) {\n      id\n      ...AuditEntryList_entry\n    }\n  }\n"): (typeof documents)["\n  query OlderAuditEntries($first: Int!, $before: ID!, $subjectId: ID) {\n    auditEntries(first: $first, before: $before, subjectId: $subjectId) {\n      id\n      ...AuditEntryList_entry\n    }\n  }\n"];
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
export function graphql(source: "\n  query CompareDocuments {\n    documents {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  query CompareDocuments {\n    documents {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareVersions($documentId: ID!) {\n    documentVersions(documentId: $documentId) {\n      id\n      label\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query CompareVersions($documentId: ID!) {\n    documentVersions(documentId: $documentId) {\n      id\n      label\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareContent($documentId: ID!, $from: ID, $to: ID) {\n    from: documentContent(documentId: $documentId, versionId: $from) {\n      doc\n      text\n    }\n    to: documentContent(documentId: $documentId, versionId: $to) {\n      doc\n      text\n    }\n  }\n"): (typeof documents)["\n  query CompareContent($documentId: ID!, $from: ID, $to: ID) {\n    from: documentContent(documentId: $documentId, versionId: $from) {\n      doc\n      text\n    }\n    to: documentContent(documentId: $documentId, versionId: $to) {\n      doc\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareMeasure($id: ID!) {\n    measure(id: $id) {\n      id\n      code\n      title\n      sheet {\n        field\n        label\n        items\n      }\n    }\n    paper {\n      id\n      editions {\n        id\n        name\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query CompareMeasure($id: ID!) {\n    measure(id: $id) {\n      id\n      code\n      title\n      sheet {\n        field\n        label\n        items\n      }\n    }\n    paper {\n      id\n      editions {\n        id\n        name\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareMeasureEdition($editionId: ID!, $measureId: ID!) {\n    paperEdition(id: $editionId) {\n      id\n      measureSheet(measureId: $measureId) {\n        field\n        label\n        items\n      }\n    }\n  }\n"): (typeof documents)["\n  query CompareMeasureEdition($editionId: ID!, $measureId: ID!) {\n    paperEdition(id: $editionId) {\n      id\n      measureSheet(measureId: $measureId) {\n        field\n        label\n        items\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query Dashboard {\n    dashboard {\n      process {\n        id\n        title\n        description\n        periodStart\n        periodEnd\n        budgetLines {\n          id\n          amountEur\n          year\n          source\n        }\n      }\n      myWork {\n        roles\n        items {\n          id\n          role\n          kind\n          ...WorkList_item\n        }\n      }\n      actionFields {\n        actionField {\n          key\n        }\n        ...ActionFieldCard_summary\n      }\n      upcomingMilestones {\n        id\n        ...MilestoneTimeline_milestone\n      }\n      myTasks {\n        id\n        ...TaskCard_task\n      }\n      recentActivity {\n        id\n        ...ActivityList_activity\n      }\n      review {\n        ...ReviewOverview_review\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard {\n    dashboard {\n      process {\n        id\n        title\n        description\n        periodStart\n        periodEnd\n        budgetLines {\n          id\n          amountEur\n          year\n          source\n        }\n      }\n      myWork {\n        roles\n        items {\n          id\n          role\n          kind\n          ...WorkList_item\n        }\n      }\n      actionFields {\n        actionField {\n          key\n        }\n        ...ActionFieldCard_summary\n      }\n      upcomingMilestones {\n        id\n        ...MilestoneTimeline_milestone\n      }\n      myTasks {\n        id\n        ...TaskCard_task\n      }\n      recentActivity {\n        id\n        ...ActivityList_activity\n      }\n      review {\n        ...ReviewOverview_review\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashboardReviewChanged {\n    reviewChanged {\n      kind\n      roundId\n    }\n  }\n"): (typeof documents)["\n  subscription DashboardReviewChanged {\n    reviewChanged {\n      kind\n      roundId\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment ReviewOverview_review on ReviewDashboard {\n    roundsInProgress {\n      id\n      number\n      title\n      answeredCount\n      openRemarkCount\n      bodies {\n        id\n      }\n    }\n    remarksWaiting {\n      round {\n        id\n        number\n        title\n      }\n      group {\n        id\n      }\n      withoutResponse\n      awaitingApproval\n    }\n    steeringInbox {\n      round {\n        id\n        number\n        title\n      }\n      pendingItems {\n        index\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ReviewOverview_review on ReviewDashboard {\n    roundsInProgress {\n      id\n      number\n      title\n      answeredCount\n      openRemarkCount\n      bodies {\n        id\n      }\n    }\n    remarksWaiting {\n      round {\n        id\n        number\n        title\n      }\n      group {\n        id\n      }\n      withoutResponse\n      awaitingApproval\n    }\n    steeringInbox {\n      round {\n        id\n        number\n        title\n      }\n      pendingItems {\n        index\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentPage($id: ID!) {\n    document(id: $id) {\n      id\n      title\n      kind\n      status\n      actionFieldKey\n      reviewDeadline\n      viewerMode\n      viewerCanEdit\n      viewerCanComment\n      group {\n        id\n        name {\n          de\n          en\n        }\n      }\n      sharedWith {\n        id\n        name\n      }\n      reviewRounds {\n        id\n        number\n        title\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query DocumentPage($id: ID!) {\n    document(id: $id) {\n      id\n      title\n      kind\n      status\n      actionFieldKey\n      reviewDeadline\n      viewerMode\n      viewerCanEdit\n      viewerCanComment\n      group {\n        id\n        name {\n          de\n          en\n        }\n      }\n      sharedWith {\n        id\n        name\n      }\n      reviewRounds {\n        id\n        number\n        title\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkDocumentSeen($documentId: ID!) {\n    markDocumentSeen(documentId: $documentId) {\n      seenAt\n    }\n  }\n"): (typeof documents)["\n  mutation MarkDocumentSeen($documentId: ID!) {\n    markDocumentSeen(documentId: $documentId) {\n      seenAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameDocument($input: UpdateDocumentInput!) {\n    updateDocument(input: $input) {\n      document {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RenameDocument($input: UpdateDocumentInput!) {\n    updateDocument(input: $input) {\n      document {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportFormats {\n    exportFormats {\n      format\n      available\n    }\n  }\n"): (typeof documents)["\n  query ExportFormats {\n    exportFormats {\n      format\n      available\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestExport($input: RequestExportInput!) {\n    requestExport(input: $input) {\n      job {\n        id\n        ...ExportButtons_job\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestExport($input: RequestExportInput!) {\n    requestExport(input: $input) {\n      job {\n        id\n        ...ExportButtons_job\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportJobProgress($id: ID!) {\n    exportJob(id: $id) {\n      id\n      ...ExportButtons_job\n    }\n  }\n"): (typeof documents)["\n  query ExportJobProgress($id: ID!) {\n    exportJob(id: $id) {\n      id\n      ...ExportButtons_job\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExportButtons_job on ExportJob {\n    id\n    format\n    status\n    progress\n    stage\n    fileName\n    bytes\n    error\n    downloadUrl\n  }\n"): (typeof documents)["\n  fragment ExportButtons_job on ExportJob {\n    id\n    format\n    status\n    progress\n    stage\n    fileName\n    bytes\n    error\n    downloadUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMeasure($input: CreateMeasureInput!) {\n    createMeasure(input: $input) {\n      measure {\n        id\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMeasure($input: CreateMeasureInput!) {\n    createMeasure(input: $input) {\n      measure {\n        id\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeasureDecisions_measure on Measure {\n    id\n    status\n    decisions {\n      id\n      outcome\n      reason\n      conditions\n      meetingDate\n      supersededAt\n      viewerSeesRound\n      round {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment MeasureDecisions_measure on Measure {\n    id\n    status\n    decisions {\n      id\n      outcome\n      reason\n      conditions\n      meetingDate\n      supersededAt\n      viewerSeesRound\n      round {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeasurePage($id: ID!) {\n    measure(id: $id) {\n      id\n      code\n      title\n      status\n      statusChangedAt\n      actionFieldKey\n      updatedAt\n      group {\n        id\n        name {\n          de\n          en\n        }\n      }\n      descriptionDocument {\n        id\n      }\n      viewerCanReportProgress\n      viewerStatusTransitions\n      sheet {\n        field\n        label\n        items\n      }\n      progress {\n        id\n        date\n        note\n        status\n        authorName\n      }\n      changes(first: 50) {\n        id\n        field\n        before\n        after\n        byName\n        at\n      }\n      ...MeasureSheetForm_measure\n      ...MeasureDecisions_measure\n    }\n    measureOptions {\n      districts\n      targetGroups\n    }\n    organisations {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query MeasurePage($id: ID!) {\n    measure(id: $id) {\n      id\n      code\n      title\n      status\n      statusChangedAt\n      actionFieldKey\n      updatedAt\n      group {\n        id\n        name {\n          de\n          en\n        }\n      }\n      descriptionDocument {\n        id\n      }\n      viewerCanReportProgress\n      viewerStatusTransitions\n      sheet {\n        field\n        label\n        items\n      }\n      progress {\n        id\n        date\n        note\n        status\n        authorName\n      }\n      changes(first: 50) {\n        id\n        field\n        before\n        after\n        byName\n        at\n      }\n      ...MeasureSheetForm_measure\n      ...MeasureDecisions_measure\n    }\n    measureOptions {\n      districts\n      targetGroups\n    }\n    organisations {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMeasureStatus($input: ChangeMeasureStatusInput!) {\n    changeMeasureStatus(input: $input) {\n      measure {\n        id\n        status\n        revision\n        viewerStatusTransitions\n        viewerCanEdit\n        viewerCanReportProgress\n        progress {\n          id\n          date\n          note\n          status\n          authorName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeMeasureStatus($input: ChangeMeasureStatusInput!) {\n    changeMeasureStatus(input: $input) {\n      measure {\n        id\n        status\n        revision\n        viewerStatusTransitions\n        viewerCanEdit\n        viewerCanReportProgress\n        progress {\n          id\n          date\n          note\n          status\n          authorName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMeasureProgress($input: AddMeasureProgressInput!) {\n    addMeasureProgress(input: $input) {\n      measure {\n        id\n        status\n        revision\n        viewerStatusTransitions\n        progress {\n          id\n          date\n          note\n          status\n          authorName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddMeasureProgress($input: AddMeasureProgressInput!) {\n    addMeasureProgress(input: $input) {\n      measure {\n        id\n        status\n        revision\n        viewerStatusTransitions\n        progress {\n          id\n          date\n          note\n          status\n          authorName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMeasure($input: UpdateMeasureInput!) {\n    updateMeasure(input: $input) {\n      measure {\n        id\n        ...MeasureSheetForm_measure\n        changes(first: 50) {\n          id\n          field\n          before\n          after\n          byName\n          at\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMeasure($input: UpdateMeasureInput!) {\n    updateMeasure(input: $input) {\n      measure {\n        id\n        ...MeasureSheetForm_measure\n        changes(first: 50) {\n          id\n          field\n          before\n          after\n          byName\n          at\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeasureSheetForm_measure on Measure {\n    id\n    code\n    title\n    revision\n    goal\n    startingSituation\n    targetGroups\n    districts\n    leadUnit\n    leadOrganisation {\n      id\n      name\n    }\n    partnerOrganisations {\n      id\n      name\n    }\n    start\n    end\n    horizon\n    priority\n    indicators {\n      name\n      baseline\n      target\n      source\n      interval\n    }\n    budget {\n      amountEur\n      source\n      budgetLine\n    }\n    viewerCanEdit\n  }\n"): (typeof documents)["\n  fragment MeasureSheetForm_measure on Measure {\n    id\n    code\n    title\n    revision\n    goal\n    startingSituation\n    targetGroups\n    districts\n    leadUnit\n    leadOrganisation {\n      id\n      name\n    }\n    partnerOrganisations {\n      id\n      name\n    }\n    start\n    end\n    horizon\n    priority\n    indicators {\n      name\n      baseline\n      target\n      source\n      interval\n    }\n    budget {\n      amountEur\n      source\n      budgetLine\n    }\n    viewerCanEdit\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeasuresPage($filter: MeasureFilter, $sort: MeasureSort) {\n    measures(filter: $filter, sort: $sort) {\n      total\n      statusCounts {\n        status\n        count\n      }\n      items {\n        id\n        code\n        title\n        status\n        actionFieldKey\n        priority\n        districts\n        updatedAt\n        leadUnit\n        leadOrganisation {\n          id\n          name\n        }\n      }\n    }\n    measureOptions {\n      districts\n      targetGroups\n      viewerCanCreateIn\n    }\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n        group {\n          id\n        }\n      }\n    }\n    organisations {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query MeasuresPage($filter: MeasureFilter, $sort: MeasureSort) {\n    measures(filter: $filter, sort: $sort) {\n      total\n      statusCounts {\n        status\n        count\n      }\n      items {\n        id\n        code\n        title\n        status\n        actionFieldKey\n        priority\n        districts\n        updatedAt\n        leadUnit\n        leadOrganisation {\n          id\n          name\n        }\n      }\n    }\n    measureOptions {\n      districts\n      targetGroups\n      viewerCanCreateIn\n    }\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n        group {\n          id\n        }\n      }\n    }\n    organisations {\n      id\n      name\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation UpdatePaperOutline($input: UpdatePaperInput!) {\n    updatePaper(input: $input) {\n      paper {\n        id\n        revision\n        outline {\n          id\n          kind\n          title\n          documentId\n          measureId\n          actionFieldKey\n          label\n          missing\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePaperOutline($input: UpdatePaperInput!) {\n    updatePaper(input: $input) {\n      paper {\n        id\n        revision\n        outline {\n          id\n          kind\n          title\n          documentId\n          measureId\n          actionFieldKey\n          label\n          missing\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaperPage {\n    paper {\n      id\n      title\n      revision\n      viewerCanManage\n      outline {\n        id\n        kind\n        title\n        documentId\n        measureId\n        actionFieldKey\n        label\n        missing\n      }\n      editions {\n        id\n        name\n        createdByName\n        createdAt\n      }\n    }\n    documents {\n      id\n      title\n    }\n    measures {\n      items {\n        id\n        code\n        title\n      }\n    }\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PaperPage {\n    paper {\n      id\n      title\n      revision\n      viewerCanManage\n      outline {\n        id\n        kind\n        title\n        documentId\n        measureId\n        actionFieldKey\n        label\n        missing\n      }\n      editions {\n        id\n        name\n        createdByName\n        createdAt\n      }\n    }\n    documents {\n      id\n      title\n    }\n    measures {\n      items {\n        id\n        code\n        title\n      }\n    }\n    process {\n      id\n      actionFields {\n        key\n        name {\n          de\n          en\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePaperEdition($input: CreatePaperEditionInput!) {\n    createPaperEdition(input: $input) {\n      edition {\n        id\n        name\n        createdByName\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePaperEdition($input: CreatePaperEditionInput!) {\n    createPaperEdition(input: $input) {\n      edition {\n        id\n        name\n        createdByName\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaperReading($editionId: ID) {\n    paperReading(editionId: $editionId) {\n      editionId\n      editionName\n      title\n      subtitle\n      date\n      html\n      complete\n      hiddenParts\n      missingParts\n      toc {\n        anchor\n        level\n        number\n        text\n      }\n    }\n  }\n"): (typeof documents)["\n  query PaperReading($editionId: ID) {\n    paperReading(editionId: $editionId) {\n      editionId\n      editionName\n      title\n      subtitle\n      date\n      html\n      complete\n      hiddenParts\n      missingParts\n      toc {\n        anchor\n        level\n        number\n        text\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query PersonData($personId: ID!) {\n    personalData(personId: $personId) {\n      person {\n        id\n        name\n        email\n      }\n      signIn {\n        secondFactor\n      }\n      ...ProfileSection_data\n      ...ContributionsSection_data\n      sessions {\n        id\n        ...DeviceList_session\n      }\n      exportPath\n      canDelete\n    }\n  }\n"): (typeof documents)["\n  query PersonData($personId: ID!) {\n    personalData(personId: $personId) {\n      person {\n        id\n        name\n        email\n      }\n      signIn {\n        secondFactor\n      }\n      ...ProfileSection_data\n      ...ContributionsSection_data\n      sessions {\n        id\n        ...DeviceList_session\n      }\n      exportPath\n      canDelete\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetSecondFactor($input: ResetSecondFactorInput!) {\n    resetSecondFactor(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ResetSecondFactor($input: ResetSecondFactorInput!) {\n    resetSecondFactor(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreateRoundOptions {\n    documents {\n      id\n      title\n      kind\n      status\n      actionFieldKey\n    }\n    bodies {\n      id\n      name\n      kind\n    }\n    measures(filter: { statuses: [PROPOSED] }) {\n      items {\n        id\n        code\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query CreateRoundOptions {\n    documents {\n      id\n      title\n      kind\n      status\n      actionFieldKey\n    }\n    bodies {\n      id\n      name\n      kind\n    }\n    measures(filter: { statuses: [PROPOSED] }) {\n      items {\n        id\n        code\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateReviewRound($input: CreateReviewRoundInput!) {\n    createReviewRound(input: $input) {\n      round {\n        id\n        number\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateReviewRound($input: CreateReviewRoundInput!) {\n    createReviewRound(input: $input) {\n      round {\n        id\n        number\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDecision($input: RecordDecisionInput!) {\n    recordDecision(input: $input) {\n      decision {\n        id\n        outcome\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordDecision($input: RecordDecisionInput!) {\n    recordDecision(input: $input) {\n      decision {\n        id\n        outcome\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CorrectDecision($input: CorrectDecisionInput!) {\n    correctDecision(input: $input) {\n      decision {\n        id\n        outcome\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CorrectDecision($input: CorrectDecisionInput!) {\n    correctDecision(input: $input) {\n      decision {\n        id\n        outcome\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PassageDiff_passage on PassageChange {\n    status\n    changed\n    currentText\n    parts {\n      kind\n      text\n    }\n  }\n"): (typeof documents)["\n  fragment PassageDiff_passage on PassageChange {\n    status\n    changed\n    currentText\n    parts {\n      kind\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RemarkItem_remark on Remark {\n    id\n    number\n    label\n    itemIndex\n    anchor\n    quote\n    text\n    proposedWording\n    viewerCanEdit\n    response {\n      id\n      vote\n      reason\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment RemarkItem_remark on Remark {\n    id\n    number\n    label\n    itemIndex\n    anchor\n    quote\n    text\n    proposedWording\n    viewerCanEdit\n    response {\n      id\n      vote\n      reason\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ResponseRow_row on ResponseTableRow {\n    position\n    label\n    bodyName\n    submittedAt\n    documentTitle\n    status\n    vote\n    reason\n    draftedByName\n    approvedByName\n    warnings\n    viewerCanDraft\n    viewerCanApprove\n    viewerCanSendBack\n    viewerCanCreateTask\n    remark {\n      id\n      quote\n      text\n      proposedWording\n      task {\n        id\n        title\n      }\n    }\n    passage {\n      ...PassageDiff_passage\n    }\n  }\n"): (typeof documents)["\n  fragment ResponseRow_row on ResponseTableRow {\n    position\n    label\n    bodyName\n    submittedAt\n    documentTitle\n    status\n    vote\n    reason\n    draftedByName\n    approvedByName\n    warnings\n    viewerCanDraft\n    viewerCanApprove\n    viewerCanSendBack\n    viewerCanCreateTask\n    remark {\n      id\n      quote\n      text\n      proposedWording\n      task {\n        id\n        title\n      }\n    }\n    passage {\n      ...PassageDiff_passage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveResponse($input: SaveResponseInput!) {\n    saveResponse(input: $input) {\n      remark {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveResponse($input: SaveResponseInput!) {\n    saveResponse(input: $input) {\n      remark {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveResponse($input: ApproveResponseInput!) {\n    approveResponse(input: $input) {\n      remark {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveResponse($input: ApproveResponseInput!) {\n    approveResponse(input: $input) {\n      remark {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendBackResponse($input: SendBackResponseInput!) {\n    sendBackResponse(input: $input) {\n      remark {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendBackResponse($input: SendBackResponseInput!) {\n    sendBackResponse(input: $input) {\n      remark {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTaskFromRemark($input: CreateTaskFromRemarkInput!) {\n    createTaskFromRemark(input: $input) {\n      task {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTaskFromRemark($input: CreateTaskFromRemarkInput!) {\n    createTaskFromRemark(input: $input) {\n      task {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResponseTablePage($roundId: ID!, $filter: ResponseTableFilter) {\n    reviewRound(id: $roundId) {\n      id\n      number\n      title\n      items {\n        index\n        title\n      }\n      bodies {\n        id\n        name\n      }\n    }\n    responseTable(roundId: $roundId, filter: $filter) {\n      counts {\n        total\n        open\n        draft\n        approved\n        warnings\n      }\n      rows {\n        ...ResponseRow_row\n        remark {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResponseTablePage($roundId: ID!, $filter: ResponseTableFilter) {\n    reviewRound(id: $roundId) {\n      id\n      number\n      title\n      items {\n        index\n        title\n      }\n      bodies {\n        id\n        name\n      }\n    }\n    responseTable(roundId: $roundId, filter: $filter) {\n      counts {\n        total\n        open\n        draft\n        approved\n        warnings\n      }\n      rows {\n        ...ResponseRow_row\n        remark {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewRoundPage($id: ID!) {\n    reviewRound(id: $id) {\n      id\n      number\n      title\n      status\n      deadline\n      openedAt\n      evaluatedAt\n      cancelReason\n      viewerCanManage\n      responsesPublished\n      answeredCount\n      remarkCount\n      openRemarkCount\n      myBodyIds\n      items {\n        index\n        title\n        documentId\n        versionId\n        document {\n          id\n        }\n        group {\n          id\n          name {\n            de\n            en\n          }\n        }\n        decision {\n          id\n          outcome\n          conditions\n          meetingDate\n        }\n      }\n      progress {\n        body {\n          id\n          name\n        }\n        status\n        submittedAt\n        late\n        remarkCount\n        statementId\n      }\n      statements {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewRoundPage($id: ID!) {\n    reviewRound(id: $id) {\n      id\n      number\n      title\n      status\n      deadline\n      openedAt\n      evaluatedAt\n      cancelReason\n      viewerCanManage\n      responsesPublished\n      answeredCount\n      remarkCount\n      openRemarkCount\n      myBodyIds\n      items {\n        index\n        title\n        documentId\n        versionId\n        document {\n          id\n        }\n        group {\n          id\n          name {\n            de\n            en\n          }\n        }\n        decision {\n          id\n          outcome\n          conditions\n          meetingDate\n        }\n      }\n      progress {\n        body {\n          id\n          name\n        }\n        status\n        submittedAt\n        late\n        remarkCount\n        statementId\n      }\n      statements {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenReviewRound($id: ID!) {\n    openReviewRound(roundId: $id) {\n      round {\n        id\n        status\n        items {\n          index\n          versionId\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenReviewRound($id: ID!) {\n    openReviewRound(roundId: $id) {\n      round {\n        id\n        status\n        items {\n          index\n          versionId\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseReviewRound($id: ID!) {\n    closeReviewRound(roundId: $id) {\n      round {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CloseReviewRound($id: ID!) {\n    closeReviewRound(roundId: $id) {\n      round {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EvaluateReviewRound($id: ID!) {\n    evaluateReviewRound(roundId: $id) {\n      round {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EvaluateReviewRound($id: ID!) {\n    evaluateReviewRound(roundId: $id) {\n      round {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelReviewRound($input: CancelReviewRoundInput!) {\n    cancelReviewRound(input: $input) {\n      round {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelReviewRound($input: CancelReviewRoundInput!) {\n    cancelReviewRound(input: $input) {\n      round {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateReviewRound($input: UpdateReviewRoundInput!) {\n    updateReviewRound(input: $input) {\n      round {\n        id\n        status\n        deadline\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateReviewRound($input: UpdateReviewRoundInput!) {\n    updateReviewRound(input: $input) {\n      round {\n        id\n        status\n        deadline\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewRounds {\n    reviewRounds {\n      id\n      ...RoundCard_round\n    }\n  }\n"): (typeof documents)["\n  query ReviewRounds {\n    reviewRounds {\n      id\n      ...RoundCard_round\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReviewChanged($roundId: ID) {\n    reviewChanged(roundId: $roundId) {\n      kind\n      roundId\n    }\n  }\n"): (typeof documents)["\n  subscription ReviewChanged($roundId: ID) {\n    reviewChanged(roundId: $roundId) {\n      kind\n      roundId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoundCard_round on ReviewRound {\n    id\n    number\n    title\n    status\n    deadline\n    answeredCount\n    openRemarkCount\n    remarkCount\n    bodies {\n      id\n    }\n    items {\n      index\n      title\n    }\n  }\n"): (typeof documents)["\n  fragment RoundCard_round on ReviewRound {\n    id\n    number\n    title\n    status\n    deadline\n    answeredCount\n    openRemarkCount\n    remarkCount\n    bodies {\n      id\n    }\n    items {\n      index\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatementPage($roundId: ID!, $statementId: ID!) {\n    reviewRound(id: $roundId) {\n      id\n      number\n      title\n      status\n      deadline\n      myBodyIds\n      responsesPublished\n      items {\n        index\n        title\n        versionId\n      }\n      bodies {\n        id\n        name\n      }\n    }\n    statement(id: $statementId) {\n      id\n      textDocumentId\n      assessment\n      meetingDate\n      resolutionRef\n      status\n      late\n      submittedAt\n      submittedBy {\n        id\n        name\n      }\n      viewerCanWrite\n      viewerCanSubmit\n      viewerCanWithdraw\n      remarks {\n        id\n        ...RemarkItem_remark\n      }\n      commentCandidates {\n        id\n        quote\n        comments {\n          id\n          body\n          author {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StatementPage($roundId: ID!, $statementId: ID!) {\n    reviewRound(id: $roundId) {\n      id\n      number\n      title\n      status\n      deadline\n      myBodyIds\n      responsesPublished\n      items {\n        index\n        title\n        versionId\n      }\n      bodies {\n        id\n        name\n      }\n    }\n    statement(id: $statementId) {\n      id\n      textDocumentId\n      assessment\n      meetingDate\n      resolutionRef\n      status\n      late\n      submittedAt\n      submittedBy {\n        id\n        name\n      }\n      viewerCanWrite\n      viewerCanSubmit\n      viewerCanWithdraw\n      remarks {\n        id\n        ...RemarkItem_remark\n      }\n      commentCandidates {\n        id\n        quote\n        comments {\n          id\n          body\n          author {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewItemVersion($roundId: ID!, $itemIndex: Int!) {\n    reviewItemVersion(roundId: $roundId, itemIndex: $itemIndex) {\n      versionId\n      label\n      state\n    }\n  }\n"): (typeof documents)["\n  query ReviewItemVersion($roundId: ID!, $itemIndex: Int!) {\n    reviewItemVersion(roundId: $roundId, itemIndex: $itemIndex) {\n      versionId\n      label\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartStatement($input: StartStatementInput!) {\n    startStatement(input: $input) {\n      statement {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartStatement($input: StartStatementInput!) {\n    startStatement(input: $input) {\n      statement {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStatement($input: UpdateStatementInput!) {\n    updateStatement(input: $input) {\n      statement {\n        id\n        assessment\n        meetingDate\n        resolutionRef\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStatement($input: UpdateStatementInput!) {\n    updateStatement(input: $input) {\n      statement {\n        id\n        assessment\n        meetingDate\n        resolutionRef\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitStatement($input: StatementActionInput!) {\n    submitStatement(input: $input) {\n      statement {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitStatement($input: StatementActionInput!) {\n    submitStatement(input: $input) {\n      statement {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawStatement($input: StatementActionInput!) {\n    withdrawStatement(input: $input) {\n      statement {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawStatement($input: StatementActionInput!) {\n    withdrawStatement(input: $input) {\n      statement {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddRemark($input: AddRemarkInput!) {\n    addRemark(input: $input) {\n      remark {\n        id\n        label\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddRemark($input: AddRemarkInput!) {\n    addRemark(input: $input) {\n      remark {\n        id\n        label\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRemark($remarkId: ID!) {\n    deleteRemark(remarkId: $remarkId) {\n      deletedRemarkId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteRemark($remarkId: ID!) {\n    deleteRemark(remarkId: $remarkId) {\n      deletedRemarkId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddRemarkFromComment($input: AddRemarkFromCommentInput!) {\n    addRemarkFromComment(input: $input) {\n      remark {\n        id\n        label\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddRemarkFromComment($input: AddRemarkFromCommentInput!) {\n    addRemarkFromComment(input: $input) {\n      remark {\n        id\n        label\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SteeringInboxPage {\n    steeringInbox {\n      round {\n        id\n        number\n        title\n        evaluatedAt\n        answeredCount\n        remarkCount\n        bodies {\n          id\n        }\n      }\n      pendingItems {\n        index\n        title\n        documentId\n      }\n    }\n    reviewRounds(status: EVALUATED) {\n      id\n      number\n      title\n      items {\n        index\n        title\n        decision {\n          id\n          outcome\n          reason\n          conditions\n          meetingDate\n          recordedByName\n          viewerCanCorrect\n        }\n        decisionHistory {\n          id\n          outcome\n          recordedByName\n          recordedAt\n          supersededAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SteeringInboxPage {\n    steeringInbox {\n      round {\n        id\n        number\n        title\n        evaluatedAt\n        answeredCount\n        remarkCount\n        bodies {\n          id\n        }\n      }\n      pendingItems {\n        index\n        title\n        documentId\n      }\n    }\n    reviewRounds(status: EVALUATED) {\n      id\n      number\n      title\n      items {\n        index\n        title\n        decision {\n          id\n          outcome\n          reason\n          conditions\n          meetingDate\n          recordedByName\n          viewerCanCorrect\n        }\n        decisionHistory {\n          id\n          outcome\n          recordedByName\n          recordedAt\n          supersededAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchPage($query: String!) {\n    search(query: $query, first: 40) {\n      total\n      hits {\n        id\n        type\n        title\n        context\n        link\n        snippet {\n          text\n          highlight\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchPage($query: String!) {\n    search(query: $query, first: 40) {\n      total\n      hits {\n        id\n        type\n        title\n        context\n        link\n        snippet {\n          text\n          highlight\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskCard_task on Task {\n    id\n    title\n    description\n    status\n    priority\n    deadline\n    overdue\n    actionFieldKey\n    viewerCanEdit\n    viewerCanDelete\n    assignees {\n      id\n      name\n    }\n    document {\n      id\n      title\n    }\n    origin {\n      kind\n      roundId\n    }\n  }\n"): (typeof documents)["\n  fragment TaskCard_task on Task {\n    id\n    title\n    description\n    status\n    priority\n    deadline\n    overdue\n    actionFieldKey\n    viewerCanEdit\n    viewerCanDelete\n    assignees {\n      id\n      name\n    }\n    document {\n      id\n      title\n    }\n    origin {\n      kind\n      roundId\n    }\n  }\n"];
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