using LtcInsurance.Application.Supervision;

namespace LtcInsurance.Web.Hosting;

/// <summary>When the nightly supervision run is queued: a time of day in China Standard Time (UTC+8).</summary>
internal sealed record NightlySupervisionOptions(TimeOnly At);

/// <summary>
/// Queues the nightly supervision run (<see cref="NightlySupervision"/>) once a day at <c>Ltc:Supervision:NightlyAt</c>
/// (China time, default 02:00); the job workers run it. Off with <c>Ltc:Supervision:Nightly=false</c>. Several nodes may
/// each queue it: a tenant's run that is already queued or running is not queued again.
/// </summary>
internal sealed partial class NightlySupervisionService(NightlySupervision nightly, NightlySupervisionOptions options, TimeProvider clock,
    ILogger<NightlySupervisionService> logger) : BackgroundService
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().ToOffset(China);
            var next = new DateTimeOffset(DateOnly.FromDateTime(now.DateTime).ToDateTime(options.At), China);
            if (next <= now)
                next = next.AddDays(1);
            try
            {
                await Task.Delay(next - now, clock, stoppingToken);
                var tenants = await nightly.EnqueueAsync(stoppingToken);
                Queued(logger, tenants.Count);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed night must not stop the next one
            catch (Exception failure)
#pragma warning restore CA1031
            {
                Failed(logger, failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly supervision runs queued for {Tenants} tenants")]
    private static partial void Queued(ILogger logger, int tenants);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queuing the nightly supervision runs failed; trying again next night")]
    private static partial void Failed(ILogger logger, Exception failure);
}
