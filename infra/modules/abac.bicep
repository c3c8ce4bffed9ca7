metadata name = 'SpineMetsRegistry ABAC conditions'
metadata description = 'Role-assignment conditions (version 2.0) that narrow the Storage Blob Data roles to blob path prefixes. Compile-time only: deploys nothing.'

// Why conditions and not custom roles: the built-in Storage Blob Data roles are what the issue
// asks for and what operators recognise; a condition narrows each one to exactly the prefixes a
// principal needs. Every data action the granted role carries is mentioned in some clause below,
// so nothing in the role is granted unconditionally.

var blobs = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs'
var containerNameAttribute = '@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name]'
var blobPathAttribute = '@Resource[${blobs}:path]'
var listPrefixAttribute = '@Request[${blobs}:prefix]'

// The write-class data actions of Storage Blob Data Contributor (write, create, delete, rename).
var contributorWriteActions = [
  '${blobs}/write'
  '${blobs}/add/action'
  '${blobs}/delete'
  '${blobs}/move/action'
]

// Actions that could remove or weaken a raw upload (Storage Blob Data Owner carries all of them).
var readAction = [
  '${blobs}/read'
]

var siteWritePrefixes = [
  'incoming/'
]

var siteReadPrefixes = [
  'reports/'
  'reminders/'
]

var siteListPrefixes = [
  'incoming/'
  'reports/'
  'reminders/'
]

// The prefixes the registry writes back into a site's container.
var appWritePrefixes = [
  'reports/'
  'reminders/'
]

// Once an upload is safely copied to central storage the registry removes it from incoming/, so
// the landing area never keeps a batch (or an identifier a site sent by mistake) longer than needed.
// Soft delete keeps it recoverable; the app still cannot write, overwrite or rename under incoming/.
var appDeletePrefixes = concat(appWritePrefixes, [
  'incoming/'
])

var contributorCreateActions = [
  '${blobs}/write'
  '${blobs}/add/action'
  '${blobs}/move/action'
]

var deleteAction = [
  '${blobs}/delete'
]

var destructiveOwnerActions = [
  '${blobs}/delete'
  '${blobs}/deleteBlobVersion/action'
  '${blobs}/permanentDelete/action'
  '${blobs}/immutableStorage/runAsSuperUser/action'
]

func noneOf(actions string[]) string => '(${join(map(actions, a => '!(ActionMatches{\'${a}\'})'), ' AND ')})'

func anyPrefix(attribute string, prefixes string[]) string =>
  '(${join(map(prefixes, p => '${attribute} StringStartsWith \'${p}\''), ' OR ')})'

func readBlobActionOtherThanList() string => '(!(ActionMatches{\'${blobs}/read\'} AND NOT SubOperationMatches{\'Blob.List\'}))'

func listBlobsAction() string => '(!(ActionMatches{\'${blobs}/read\'} AND SubOperationMatches{\'Blob.List\'}))'

@export()
@description('''Condition for a site principal's Storage Blob Data Contributor assignment on its own container.
Write, create, delete and rename only under incoming/; read only under reports/ and reminders/;
list only with a prefix of incoming/, reports/ or reminders/ (List Blobs has no blob path, only the
request's prefix, so a site must list with one of those prefixes; it sees the names of its own
uploads but can never read their content back). Every clause also pins the container name, so the
condition still confines the principal if the assignment were ever made at a wider scope.''')
func siteLandingCondition(containerName string) string =>
  join(
    [
      '(${noneOf(contributorWriteActions)} OR (${containerNameAttribute} StringEquals \'${containerName}\' AND ${anyPrefix(blobPathAttribute, siteWritePrefixes)}))'
      '(${readBlobActionOtherThanList()} OR (${containerNameAttribute} StringEquals \'${containerName}\' AND ${anyPrefix(blobPathAttribute, siteReadPrefixes)}))'
      '(${listBlobsAction()} OR (${containerNameAttribute} StringEquals \'${containerName}\' AND ${anyPrefix(listPrefixAttribute, siteListPrefixes)}))'
    ],
    ' AND '
  )

@export()
@description('''Condition for the function app's Storage Blob Data Contributor assignment on a landing account.
It reads (and lists) anything in site-* containers; writes, creates or renames only under reports/ and
reminders/ (the validation reports and reminder digests it hands back); and deletes only there and under
incoming/, to remove an upload once it is safely copied to central storage. It can never overwrite or
alter what a site uploaded.''')
func appLandingCondition() string =>
  join(
    [
      '(${noneOf(contributorCreateActions)} OR (${containerNameAttribute} StringStartsWith \'site-\' AND ${anyPrefix(blobPathAttribute, appWritePrefixes)}))'
      '(${noneOf(deleteAction)} OR (${containerNameAttribute} StringStartsWith \'site-\' AND ${anyPrefix(blobPathAttribute, appDeletePrefixes)}))'
      '(${noneOf(readAction)} OR (${containerNameAttribute} StringStartsWith \'site-\'))'
    ],
    ' AND '
  )

@export()
@description('''Condition for the function app's Storage Blob Data Owner assignment on the central account
(Owner is the documented minimum for the Functions host store). It forbids every action that could
delete a blob or a version, or change an immutability policy or legal hold, inside the given
container (raw): the WORM policy protects versions already, this keeps the app from even trying.''')
func appCentralCondition(protectedContainerName string) string =>
  '(${noneOf(destructiveOwnerActions)} OR (${containerNameAttribute} StringNotEquals \'${protectedContainerName}\'))'
