metadata name = 'Hardened storage account'
metadata description = 'A StorageV2 account with shared keys, public blob access and plain HTTP disabled, TLS 1.2 minimum, blob versioning and soft delete, optional version-level immutability per container, diagnostic settings on the blob, queue and table services, optional private endpoints, and role assignments at account scope.'

import { containerType, roleAssignmentType, tagsType, privateDnsZoneIdsType } from 'types.bicep'

@description('Required. Globally unique account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Required. Azure region.')
param location string

@description('Optional. Tags applied to the account.')
param tags tagsType = {}

@description('Optional. Redundancy. Zone-redundant by default where the region supports it.')
param skuName 'Standard_LRS' | 'Standard_ZRS' | 'Standard_GRS' | 'Standard_GZRS' = 'Standard_ZRS'

@description('Required. Days a deleted blob or blob version stays recoverable.')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int

@description('Required. Days a deleted container stays recoverable.')
@minValue(1)
@maxValue(365)
param containerSoftDeleteDays int

@description('Optional. Blob containers to create.')
param containers containerType[] = []

@description('Optional. Queues to create.')
param queues string[] = []

@description('Optional. Tables to create.')
param tables string[] = []

@description('Required. Log Analytics workspace that receives StorageRead, StorageWrite and StorageDelete logs of every service.')
param logAnalyticsWorkspaceResourceId string

@description('Optional. Role assignments at the scope of this account (never used for site principals).')
param roleAssignments roleAssignmentType[] = []

@description('Optional. Deny public network traffic except from these IPv4 ranges and trusted Azure services (Event Grid delivers through that exception). Null keeps the public endpoint open to any network.')
param publicNetworkRestriction publicNetworkRestrictionType?

@description('Optional. Subnet for private endpoints; null creates none.')
param privateEndpointSubnetResourceId string?

@description('Optional. Storage services that get a private endpoint.')
param privateEndpointServices ('blob' | 'queue' | 'table')[] = ['blob']

@description('Optional. Private DNS zones for the endpoints.')
param privateDnsZoneResourceIds privateDnsZoneIdsType = {}

@description('Restriction of the public endpoint.')
@sealed()
type publicNetworkRestrictionType = {
  @description('Required. IPv4 addresses or CIDR ranges allowed through the firewall (may be empty).')
  allowedIpRanges: string[]
}

var storageLogCategories = ['StorageRead', 'StorageWrite', 'StorageDelete']

resource account 'Microsoft.Storage/storageAccounts@2025-08-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: publicNetworkRestriction == null
      ? {
          defaultAction: 'Allow'
          bypass: 'AzureServices'
        }
      : {
          defaultAction: 'Deny'
          bypass: 'AzureServices'
          ipRules: map(publicNetworkRestriction!.allowedIpRanges, range => {
            action: 'Allow'
            value: range
          })
        }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: {
          enabled: true
          keyType: 'Account'
        }
        file: {
          enabled: true
          keyType: 'Account'
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
        table: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-08-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: containerSoftDeleteDays
    }
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-08-01' = {
  parent: account
  name: 'default'
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-08-01' = {
  parent: account
  name: 'default'
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-08-01' = [
  for container in containers: {
    parent: blobService
    name: container.name
    properties: {
      publicAccess: 'None'
      immutableStorageWithVersioning: container.?immutabilityDays == null
        ? null
        : {
            enabled: true
          }
    }
  }
]

// The container's default policy becomes the version-level WORM policy of every new blob version.
// Deployed unlocked so the template can be redeployed; lock it once in production (README).
resource immutabilityPolicies 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2025-08-01' = [
  for (container, i) in containers: if (container.?immutabilityDays != null) {
    parent: blobContainers[i]
    name: 'default'
    properties: {
      immutabilityPeriodSinceCreationInDays: container.?immutabilityDays!
      allowProtectedAppendWrites: false
      allowProtectedAppendWritesAll: false
    }
  }
]

resource storageQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-08-01' = [
  for queue in queues: {
    parent: queueService
    name: queue
  }
]

resource storageTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-08-01' = [
  for table in tables: {
    parent: tableService
    name: table
  }
]

// The only non-preview version of diagnosticSettings (2016-09-01) predates the storage service
// sub-resource logs; 2021-05-01-preview is the version Azure Verified Modules deploy.
#disable-next-line use-recent-api-versions
resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: blobService
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: map(storageLogCategories, category => {
      category: category
      enabled: true
    })
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

#disable-next-line use-recent-api-versions
resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: queueService
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: map(storageLogCategories, category => {
      category: category
      enabled: true
    })
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

#disable-next-line use-recent-api-versions
resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: tableService
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: map(storageLogCategories, category => {
      category: category
      enabled: true
    })
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

resource accountRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for assignment in roleAssignments: {
    name: guid(account.id, assignment.roleDefinitionGuid, assignment.nameSeed)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.roleDefinitionGuid)
      principalId: assignment.principalId
      principalType: assignment.principalType
      description: assignment.description
      condition: assignment.?condition
      conditionVersion: assignment.?condition == null ? null : '2.0'
    }
  }
]

resource privateEndpoints 'Microsoft.Network/privateEndpoints@2025-05-01' = [
  for service in (privateEndpointSubnetResourceId == null ? [] : privateEndpointServices): {
    name: 'pe-${name}-${service}'
    location: location
    tags: tags
    properties: {
      subnet: {
        id: privateEndpointSubnetResourceId!
      }
      privateLinkServiceConnections: [
        {
          name: '${name}-${service}'
          properties: {
            privateLinkServiceId: account.id
            groupIds: [
              service
            ]
          }
        }
      ]
    }
  }
]

resource privateDnsZoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-05-01' = [
  for (service, i) in (privateEndpointSubnetResourceId == null ? [] : privateEndpointServices): if (privateDnsZoneResourceIds[?service] != null) {
    parent: privateEndpoints[i]
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: service
          properties: {
            privateDnsZoneId: privateDnsZoneResourceIds[?service]!
          }
        }
      ]
    }
  }
]

@description('The account name.')
output name string = account.name

@description('The account resource ID.')
output resourceId string = account.id

@description('Blob service endpoint (https://<name>.blob.<storage suffix>/).')
output blobServiceUri string = 'https://${account.name}.blob.${environment().suffixes.storage}/'

@description('Queue service endpoint.')
output queueServiceUri string = 'https://${account.name}.queue.${environment().suffixes.storage}/'

@description('Table service endpoint.')
output tableServiceUri string = 'https://${account.name}.table.${environment().suffixes.storage}/'
