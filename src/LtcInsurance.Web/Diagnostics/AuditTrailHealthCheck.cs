using LtcInsurance.Application.Common.Auditing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LtcInsurance.Web.Diagnostics;

/// <summary>
/// Part of <c>/health/ready</c>: degraded once this node lost an audit line (written after the change, in a transaction
/// of its own, and failed three times; ADR 0007), so the loss is seen by monitoring, not
/// only in the log. Degraded, not unhealthy: the node still serves; the operator restores the lines from the critical log.
/// </summary>
internal sealed class AuditTrailHealthCheck(AuditLossMonitor losses) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(losses.LostCount == 0
            ? HealthCheckResult.Healthy("audit trail: no line lost")
            : HealthCheckResult.Degraded($"audit trail: {losses.LostCount} line(s) could not be written (last: {losses.LastLoss}); see the critical log"));
}
