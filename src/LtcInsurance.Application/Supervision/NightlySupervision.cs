using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Supervision.StartSupervisionRun;
using LtcInsurance.Application.Tenants.ListTenants;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Application.Supervision;

/// <summary>
/// The nightly supervision run: queues, for every tenant of the platform, a supervision job over the recent months
/// (<see cref="StartSupervisionRunCommand"/> as the operator <c>nightly-supervision</c>), which the job workers then run
/// like any other job (durable, resumable, visible on the jobs page). A tenant whose run is already queued or running
/// gets no second one. The web app calls it once a night (<c>Ltc:Supervision:NightlyAt</c>).
/// </summary>
public sealed class NightlySupervision(IServiceScopeFactory scopes)
{
    public const string Operator = "nightly-supervision";

    /// <summary>Queues the runs; the tenants queued.</summary>
    public async Task<IReadOnlyList<string>> EnqueueAsync(CancellationToken cancellationToken = default)
    {
        var platform = new Sender(scopes, new FixedCurrentUserSource(CurrentUser.System(null, Operator)));
        var tenants = await platform.Send(new ListTenantsQuery(), cancellationToken);
        foreach (var tenant in tenants)
        {
            var sender = new Sender(scopes, new FixedCurrentUserSource(CurrentUser.System(tenant.Id, Operator)));
            await sender.Send(new StartSupervisionRunCommand(null, Scheduled: true), cancellationToken);
        }

        return [.. tenants.Select(t => t.Id)];
    }
}
