namespace LtcInsurance.Application.Common.Auditing;

/// <summary>
/// Counts audit lines this process could not write (after <see cref="AuditRecorder.Attempts"/> tries), so that the loss is
/// visible where operators look: <c>/health/ready</c> reports degraded while any were lost (ADR 0007), and the critical
/// log line carries each lost line's content.
/// </summary>
public sealed class AuditLossMonitor
{
    private long _lost;

    /// <summary>Lines lost since the process started.</summary>
    public long LostCount => Interlocked.Read(ref _lost);

    /// <summary>The last loss: what, by whom, in which tenant (null: none yet).</summary>
    public string? LastLoss { get; private set; }

    internal void Lost(string action, string? userName, string? tenantId)
    {
        Interlocked.Increment(ref _lost);
        LastLoss = $"{action} by {userName} in {tenantId ?? "(platform)"}";
    }
}
