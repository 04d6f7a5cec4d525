namespace LtcInsurance.Application.Jobs;

/// <summary>A job's row has changed (progress written, finished, failed, released): read it again to see how.</summary>
public sealed record JobChanged(string TenantId, Guid JobId);

/// <summary>
/// Tells this process's pages that a job has moved on, as soon as the worker has written it, so that an interactive page
/// showing the job refreshes at once (through its circuit) instead of asking the database on a timer. A job run by a
/// worker of another process is not announced here; pages also re-read on a slow timer for that case.
/// </summary>
public sealed class JobEvents
{
    public event Action<JobChanged>? Changed;

    public void Publish(JobChanged change)
    {
        var handlers = Changed;
        if (handlers is null)
            return;
        foreach (var handler in handlers.GetInvocationList().Cast<Action<JobChanged>>())
        {
            try
            {
                handler(change);
            }
#pragma warning disable CA1031 // A page that failed to refresh must not stop the worker or the other pages.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
