namespace LtcInsurance.Application.Jobs;

/// <summary>
/// Wakes this process's idle worker when a job is queued here, so that a job a page has just queued starts at once
/// rather than at the next poll (workers of other processes still find it by polling).
/// </summary>
public sealed class JobWakeup
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    /// <summary>Waits for a notification or <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
