// Names that exist in Jira Cloud JQL but that the local site does not evaluate: they get
// an honest "not supported here" rather than Jira's "does not exist".

export const JIRA_FIELDS_NOT_SUPPORTED = new Set([
  'affectedversion', 'approvals', 'attachments', 'category', 'comment', 'component', 'creator', 'due', 'duedate',
  'environment', 'epic link', 'filter', 'fixversion', 'issuelinktype', 'lastviewed', 'level', 'originalestimate',
  'parent', 'parentepic', 'priority', 'remainingestimate', 'resolution', 'resolutiondate', 'resolved',
  'statuscategorychangeddate', 'subtasks', 'team', 'timespent', 'votes', 'voter', 'watcher', 'watchers',
  'worklogauthor', 'worklogcomment', 'worklogdate', 'workratio',
]);

export const JIRA_FUNCTIONS_NOT_SUPPORTED = new Set([
  'approved', 'approver', 'cascadeoption', 'componentsleadbyuser', 'currentlogin', 'earliestunreleasedversion',
  'endofday', 'endofmonth', 'endofweek', 'endofyear', 'issuehistory', 'issueswithremotelinksbyglobalid',
  'lastlogin', 'latestreleasedversion', 'linkedissues', 'membersof', 'now', 'projectsleadbyuser',
  'projectswhereuserhaspermission', 'projectswhereuserhasrole', 'releasedversions', 'startofday', 'startofmonth',
  'startofweek', 'startofyear', 'unreleasedversions', 'updatedby', 'votedissues', 'watchedissues',
]);

/** Functions some field of the local site supports, lower-cased. */
export const FUNCTIONS_SUPPORTED = new Set([
  'currentuser', 'opensprints', 'futuresprints', 'closedsprints', 'standardissuetypes', 'subtaskissuetypes',
]);
