using System.Data.Common;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Jobs.GetJob;
using LtcInsurance.Cli.Composition;
using LtcInsurance.Domain.Common;

namespace LtcInsurance.Cli.Jobs;

/// <summary>
/// The shell of a command that queues a background job for a tenant and runs it in this process (<c>ltc billing run</c>,
/// <c>ltc supervise run</c>): connect as the application role (exit 2 when the database cannot be used), queue through the
/// command's start use case (exit 1 when refused, nothing queued), run the job here, wait for it to finish, then let the
/// command print the result (exit 0) or say why the job failed (exit 1). A job another process took is waited for.
/// </summary>
public static class QueuedRun
{
    /// <summary>Runs <paramref name="run"/> with the services of <paramref name="tenant"/>; a database that cannot be used exits 2.</summary>
    /// <param name="what">What could not run, for the message (e.g. <c>缴费核定无法进行 / billing could not run</c>).</param>
    public static async Task<int> ConnectAsync(string connection, string tenant, string what, TextWriter stderr, Func<CliServices, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            await using var services = CliServices.Create(connection, tenant);
            return await run(services);
        }
        catch (Exception failure) when (failure is DbException or InvalidOperationException or ArgumentException)
        {
            await stderr.WriteLineAsync($"{what}: {failure.Message}");
            return 2;
        }
    }

    /// <summary>
    /// Queues the job with <paramref name="start"/>, runs it with <paramref name="worker"/> and waits. A refusal of the start
    /// (invalid input, a broken rule, or what <paramref name="refusalCode"/> recognises) exits 1; a finished job goes to
    /// <paramref name="print"/>, which returns false when the job did not succeed, and then its failure code
    /// (<paramref name="failureCode"/>, default the job's status) and message are printed and the exit is 1.
    /// </summary>
    public static async Task<int> RunAsJobAsync(ISender sender, JobWorker worker, string tenant, Func<Task<JobView>> start,
        Func<JobView, Task<bool>> print, TextWriter stderr, Func<Exception, string?>? refusalCode = null, Func<JobView, string?>? failureCode = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(print);
        ArgumentNullException.ThrowIfNull(stderr);
        JobView job;
        try
        {
            job = await start();
        }
        catch (Exception refused) when (Refusal(refused, refusalCode) is { } code)
        {
            await stderr.WriteLineAsync($"拒绝 / refused [{code}]: {refused.Message}");
            return 1;
        }

        if (!await worker.RunJobAsync(tenant, job.Id))
            await stderr.WriteLineAsync($"作业 {job.Id} 已由其他进程执行，等待其结束 / job taken by another worker: waiting");
        while ((job = await sender.Send(new GetJobQuery(job.Id)) ?? job) is { IsFinished: false })
            await Task.Delay(TimeSpan.FromSeconds(1));

        if (await print(job))
            return 0;
        await stderr.WriteLineAsync($"拒绝 / refused [{failureCode?.Invoke(job) ?? job.Status}]: {job.Message}（作业 / job {job.Id}）");
        return 1;
    }

    /// <summary>The refusal code of an exception a use case throws to refuse (null: not a refusal).</summary>
    public static string? Refusal(Exception exception, Func<Exception, string?>? refusalCode = null) => exception switch
    {
        RequestValidationException => "invalid_input",
        BusinessRuleViolationException broken => broken.Code,
        _ => refusalCode?.Invoke(exception),
    };
}
