metadata name = 'SpineMetsRegistry shared types and helpers'
metadata description = 'User-defined types for the site list and the deployment options, plus the pure naming and validation functions every module shares. Compile-time only: deploys nothing.'

// ---------------------------------------------------------------------------------------------
// Site list (infra/registry.json `sites`)
// ---------------------------------------------------------------------------------------------

@export()
@description('The kind of Entra principal that represents a site.')
type sitePrincipalTypeType = 'Group' | 'ServicePrincipal'

@export()
@description('One participating site, exactly as it appears in infra/registry.json. Onboarding a site = one more entry + redeploy.')
// Deliberately not @sealed(): registry.json is shared with the application, which may give a site
// more fields; the infrastructure reads these and ignores the rest.
type siteType = {
  @description('Required. Site code, pattern ^S[0-9]{2,3}$ (for example S01). Names the landing container site-<code lower-case> and the app role Registry.Site.<CODE>.')
  @minLength(3)
  @maxLength(4)
  code: string

  @description('Required. Human-readable site name (shown in the app role description and container metadata).')
  @minLength(1)
  @maxLength(120)
  displayName: string

  @description('Optional. Regular expression for the site\'s study IDs. Used by the application only; ignored by the infrastructure.')
  studyIdPattern: string?

  @description('Required. Object ID of the Entra group or service principal that uploads for this site.')
  @minLength(36)
  @maxLength(36)
  principalObjectId: string

  @description('Required. Whether principalObjectId is an Entra group or a service principal.')
  principalType: sitePrincipalTypeType
}

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

@export()
@description('How landing storage isolates sites: container = one container per site in one shared landing account; account = one storage account per site (access and performance isolation).')
type landingModeType = 'container' | 'account'

@export()
@description('App Service Authentication (Entra ID) settings for the HTTP API. The app registration itself is created outside Bicep (see README).')
@sealed()
type apiAuthenticationType = {
  @description('Required. Application (client) ID of the Entra app registration that represents the registry API.')
  @minLength(36)
  @maxLength(36)
  clientId: string

  @description('Optional. Tenant that issues the tokens. Defaults to the deployment tenant.')
  tenantId: string?

  @description('Optional. Extra accepted token audiences. api://<clientId> and <clientId> are always accepted.')
  additionalAllowedAudiences: string[]?
}

@export()
@description('Private networking. Off by default: every account then keeps a public endpoint that accepts only Entra-authenticated TLS 1.2 requests (shared keys are disabled).')
@sealed()
type networkingOptionsType = {
  @description('Required. Create private endpoints for every storage account and integrate the function app into a virtual network.')
  privateEndpointsEnabled: bool

  @description('Conditional. Subnet that hosts the private endpoints. Required when privateEndpointsEnabled is true.')
  privateEndpointSubnetResourceId: string?

  @description('Conditional. Empty subnet delegated to Microsoft.App/environments for Flex Consumption virtual network integration. Required when privateEndpointsEnabled is true.')
  functionAppSubnetResourceId: string?

  @description('Optional. Private DNS zones to register the endpoints in (privatelink.blob/queue/table.<storage suffix>). Without them, DNS is managed outside this deployment.')
  privateDnsZoneResourceIds: privateDnsZoneIdsType?

  @description('Optional. Public IPv4 ranges (CIDR) from which sites may reach landing storage when private endpoints are enabled. Empty keeps landing open to any network (Entra authentication still required).')
  landingAllowedIpRanges: string[]?
}

@export()
@description('Private DNS zone resource IDs per storage service.')
@sealed()
type privateDnsZoneIdsType = {
  @description('Optional. privatelink.blob.<storage suffix> zone.')
  blob: string?

  @description('Optional. privatelink.queue.<storage suffix> zone.')
  queue: string?

  @description('Optional. privatelink.table.<storage suffix> zone.')
  table: string?
}

@export()
@description('Retention and immutability settings.')
@sealed()
type retentionOptionsType = {
  @description('Required. Days a deleted blob (and blob version) stays recoverable.')
  @minValue(1)
  @maxValue(365)
  blobSoftDeleteDays: int

  @description('Required. Days a deleted container stays recoverable.')
  @minValue(1)
  @maxValue(365)
  containerSoftDeleteDays: int

  @description('Required. Version-level immutability (WORM) period for raw uploads, in days since creation.')
  @minValue(1)
  @maxValue(146000)
  rawImmutabilityDays: int

  @description('Required. Log Analytics retention in days.')
  @minValue(30)
  @maxValue(730)
  logRetentionDays: int
}

@export()
@description('Flex Consumption scale settings.')
@sealed()
type functionAppOptionsType = {
  @description('Required. Upper bound on instances.')
  @minValue(40)
  @maxValue(1000)
  maximumInstanceCount: int

  @description('Required. Instance memory size in MB.')
  instanceMemoryMB: 512 | 2048 | 4096
}

@export()
@description('Tags applied to every resource.')
type tagsType = {
  @description('Optional. Tag value.')
  *: string
}

@export()
@description('Function app settings: name to value. Identity-based connections only, never a key or SAS.')
type appSettingsType = {
  @description('Optional. Setting value.')
  *: string
}

@export()
@description('A role assignment to create at the scope of the resource that a module deploys.')
@sealed()
type roleAssignmentType = {
  @description('Required. GUID of the built-in or custom role definition.')
  roleDefinitionGuid: string

  @description('Required. Object ID of the principal.')
  principalId: string

  @description('Required. Principal type.')
  principalType: 'Group' | 'ServicePrincipal' | 'User'

  @description('Required. Stable seed for the assignment name (not a runtime value, so the name is known at deployment start).')
  nameSeed: string

  @description('Optional. ABAC condition (version 2.0).')
  condition: string?

  @description('Required. Why the principal holds this role.')
  description: string
}

@export()
@description('A blob container to create, optionally with a default version-level immutability (WORM) policy.')
@sealed()
type containerType = {
  @description('Required. Container name.')
  name: string

  @description('Optional. Days every blob version stays immutable after creation. Requires blob versioning on the account.')
  immutabilityDays: int?
}

// ---------------------------------------------------------------------------------------------
// Names and fixed vocabulary shared with the application (see README "Infrastructure (Bicep)")
// ---------------------------------------------------------------------------------------------

@export()
@description('Landing container of a site: site-<code lower-case>. The Event Grid subject filter relies on the site- prefix.')
func siteContainerName(code string) string => 'site-${toLower(code)}'

@export()
@description('Storage account names are global, 3-24 lower-case letters and digits: st + registry + role + deterministic suffix.')
func storageAccountName(registryName string, role string, suffix string) string =>
  take('st${toLower(registryName)}${toLower(role)}${suffix}', 24)

@export()
@description('True when code matches ^S[0-9]{2,3}$ (Bicep has no regular expressions, so this spells the pattern out).')
func isSiteCode(code string) bool =>
  length(code) < 3 || length(code) > 4
    ? false
    : substring(code, 0, 1) == 'S' && empty(filter(range(1, length(code) - 1), i => !contains('0123456789', substring(code, i, 1))))

@export()
@description('Built-in role definition GUIDs used by the registry (ids are global across clouds).')
var roleGuids = {
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageQueueDataMessageSender: 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}
