using Azure.Core;
using SpineMetsRegistry.Storage.Configuration;

namespace SpineMetsRegistry.Storage.Connection;

/// <summary>
/// The Azure SDK's own retry settings: a few quick exponential retries absorb a throttling
/// blip (503/500, timeouts) inside one call; anything longer is left to the workflow's retry
/// policy, which retries the whole idempotent activity with its own, longer backoff.
/// </summary>
internal static class SdkRetry
{
    public static T Configure<T>(T options, RegistryStorageOptions registry)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = registry.SdkMaxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        return options;
    }
}
