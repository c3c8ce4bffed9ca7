using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.FollowUp;
using SpineMetsRegistry.Pipeline.Schedule;

namespace SpineMetsRegistry.LocalHost.FollowUp;

/// <summary>
/// The local host's daily follow-up sweep: every day at the configured sweep time
/// (<see cref="RegistryPolicies.SweepSchedule"/>, infra/registry.json's followUpSweepSchedule, the
/// same setting the Functions timer is given) it sweeps as of that day, the same <see cref="IFollowUpSweep"/> the Functions app's
/// timer trigger calls. Time comes from the <see cref="TimeProvider"/>, so tests drive it with
/// a fake clock. A host started after the sweep time sweeps at once; a failed sweep is retried
/// after <see cref="RetryDelay"/>.
/// </summary>
internal sealed partial class DailySweepService(
    IFollowUpSweep sweep,
    IReminderLog log,
    StartupSweepGate gate,
    RegistryPolicies policies,
    TimeProvider time,
    ILogger<DailySweepService> logger) : BackgroundService
{
    /// <summary>How long after a failed sweep the next attempt is made.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await gate.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var watermark = await log.GetWatermarkAsync(stoppingToken);
                var now = time.GetUtcNow();
                var next = DailySweepSchedule.NextRun(now, policies.SweepSchedule.At, watermark?.LastDay);
                if (next > now)
                {
                    await Task.Delay(next - now, time, stoppingToken);
                }

                var asOf = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                var result = await sweep.RunAsync(asOf, stoppingToken);
                LogSwept(logger, asOf, result.Summary);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception.Message, RetryDelay);
                await Task.Delay(RetryDelay, time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up sweep as of {AsOf}: {Summary}")]
    private static partial void LogSwept(ILogger logger, DateOnly asOf, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up sweep failed: {Reason}; retrying in {Delay}")]
    private static partial void LogFailed(ILogger logger, string reason, TimeSpan delay);
}
