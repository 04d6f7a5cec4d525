namespace LtcInsurance.Application.Jobs;

/// <summary>
/// How far the job running on this asynchronous flow has got. The worker installs one before it sends the job's request;
/// a handler reports to <see cref="Report"/> between its batches (a no-op outside a job), and the worker's heartbeat
/// writes the figures to the job row, so a handler never writes progress on its own connection.
/// </summary>
public sealed class JobProgress
{
    private static readonly AsyncLocal<JobProgress?> Installed = new();
    private int _done;
    private int _total;

    public int Done => Volatile.Read(ref _done);

    public int Total => Volatile.Read(ref _total);

    /// <summary>Reports <paramref name="done"/> of <paramref name="total"/> to the job running on this flow, if any.</summary>
    public static void Report(int done, int total)
    {
        if (Installed.Value is not { } progress)
            return;
        Volatile.Write(ref progress._total, total);
        Volatile.Write(ref progress._done, done);
    }

    /// <summary>Makes <paramref name="progress"/> the one <see cref="Report"/> reaches on this flow until disposed.</summary>
    internal static IDisposable Install(JobProgress progress)
    {
        var previous = Installed.Value;
        Installed.Value = progress;
        return new Restore(previous);
    }

    private sealed class Restore(JobProgress? previous) : IDisposable
    {
        public void Dispose() => Installed.Value = previous;
    }
}
