using LtcInsurance.Application.Common.Messaging;

namespace LtcInsurance.Application.Jobs;

/// <summary>What a job of one kind does: sends its use case through <paramref name="sender"/> (acting for the job's tenant).</summary>
internal interface IJobHandler
{
    string Kind { get; }

    /// <summary>Runs the job; throws <see cref="JobFailedException"/> (or another exception) when it fails.</summary>
    Task<JobOutcome> RunAsync(ClaimedJob job, ISender sender, CancellationToken cancellationToken);

    /// <summary>Cleans what a failed or cancelled job leaves behind (e.g. staged rows); nothing by default.</summary>
    Task CleanAsync(ClaimedJob job, ISender sender, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A finished job's Chinese summary and its result as a JSON document.</summary>
public sealed record JobOutcome(string Message, string? Result);

/// <summary>A job ended without doing its work, for a reason a clerk can read (and possibly act on before resuming).</summary>
public sealed class JobFailedException : Exception
{
    public JobFailedException()
    {
    }

    public JobFailedException(string message)
        : base(message)
    {
    }

    public JobFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A machine-readable reason (e.g. the engine's <c>parameter_missing</c>), stored with the failed job.</summary>
    public string? Code { get; init; }
}
