metadata name = 'Landing upload events'
metadata description = 'Event Grid system topic on one landing account and the subscription that forwards site uploads (BlobCreated under site-*/incoming/) into the central ingest queue, delivered and dead-lettered with the topic\'s own managed identity.'

import { roleGuids, tagsType } from 'types.bicep'

@description('Required. Landing storage account whose blob events are published.')
param landingStorageAccountName string

@description('Required. Name of the Event Grid system topic.')
param systemTopicName string

@description('Required. Azure region (the landing account\'s region).')
param location string

@description('Optional. Tags applied to the topic.')
param tags tagsType = {}

@description('Required. Central storage account that holds the ingest queue and the dead-letter container.')
param centralStorageAccountName string

@description('Optional. Queue the queue-triggered starter reads.')
param ingestQueueName string = 'ingest-events'

@description('Required. Container in the central account that keeps events Event Grid could not deliver.')
param deadLetterContainerName string

@description('Required. Log Analytics workspace for delivery-failure logs.')
param logAnalyticsWorkspaceResourceId string

// Only uploads that complete a blob: a simple put, the commit of a block list, a server-side
// copy, or the final flush of an ADLS append. Put Block / Append Block alone are not uploads.
var uploadApis = [
  'PutBlob'
  'PutBlockList'
  'CopyBlob'
  'FlushWithClose'
]

resource landingAccount 'Microsoft.Storage/storageAccounts@2025-08-01' existing = {
  name: landingStorageAccountName
}

resource centralAccount 'Microsoft.Storage/storageAccounts@2025-08-01' existing = {
  name: centralStorageAccountName

  resource queueService 'queueServices' existing = {
    name: 'default'

    resource ingestQueue 'queues' existing = {
      name: ingestQueueName
    }
  }

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deadLetterContainer 'containers' existing = {
      name: deadLetterContainerName
    }
  }
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: landingAccount.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// The topic may add messages to the one ingest queue: not read them, not touch any other queue.
resource queueSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(centralAccount::queueService::ingestQueue.id, systemTopic.id, roleGuids.storageQueueDataMessageSender)
  scope: centralAccount::queueService::ingestQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleGuids.storageQueueDataMessageSender)
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
    description: 'Event Grid topic ${systemTopicName} delivers upload events to ${ingestQueueName}.'
  }
}

// Dead-lettering writes undeliverable events as blobs into the one dead-letter container.
resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(centralAccount::blobService::deadLetterContainer.id, systemTopic.id, roleGuids.storageBlobDataContributor)
  scope: centralAccount::blobService::deadLetterContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleGuids.storageBlobDataContributor)
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
    description: 'Event Grid topic ${systemTopicName} dead-letters undeliverable upload events.'
  }
}

resource uploads 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'site-uploads-to-ingest-queue'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/site-'
      advancedFilters: [
        {
          operatorType: 'StringIn'
          key: 'data.api'
          values: uploadApis
        }
        {
          // Anchored at the blob-name root: site-s01/blobs/reports/incoming/x does not match.
          operatorType: 'StringContains'
          key: 'subject'
          values: [
            '/blobs/incoming/'
          ]
        }
      ]
    }
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: centralAccount.id
          queueName: ingestQueueName
          // -1: a queued upload event never expires; the ledger, not a TTL, decides it is done.
          queueMessageTimeToLiveInSeconds: -1
        }
      }
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: centralAccount.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
  dependsOn: [
    // Event Grid checks the identity's access when the subscription is created.
    queueSender
    deadLetterWriter
  ]
}

#disable-next-line use-recent-api-versions
resource topicDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'delivery-failures-to-log-analytics'
  scope: systemTopic
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [
      {
        category: 'DeliveryFailures'
        enabled: true
      }
    ]
  }
}

@description('The system topic name.')
output name string = systemTopic.name

@description('The system topic resource ID.')
output resourceId string = systemTopic.id

@description('The system topic\'s managed identity (holds Storage Queue Data Message Sender on the ingest queue only).')
output principalId string = systemTopic.identity.principalId

@description('The event subscription resource ID.')
output eventSubscriptionResourceId string = uploads.id
