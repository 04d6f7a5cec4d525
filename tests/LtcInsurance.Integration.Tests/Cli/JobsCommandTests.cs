using LtcInsurance.Application.Contributions.StartBillingRun;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Jobs.GetJob;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Jobs;

namespace LtcInsurance.Integration.Tests.Cli;

/// <summary>
/// <c>ltc jobs cancel|resume|list</c> against a real database: a clerk's queued billing run is cancelled from the command
/// line (the worker never starts it), resumed from the command line (run there to the end, the bills written once), and
/// what cannot be done is refused with exit 1 and a message, never a stack trace. Bounded in time.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class JobsCommandTests(RegisterDatabase database)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_clerk_cancels_and_resumes_a_billing_run_from_the_command_line()
    {
        const int people = 5;
        var db = await JobDatabase.CreateAsync(database, people);
        await using var host = db.Services();
        var job = await host.Send(new StartBillingRunCommand("2030-08"));
        Assert.Equal(JobView.Queued, job.Status);

        var cancel = await Ltc("cancel", db, job.Id).WaitAsync(Bound);

        Assert.True(cancel.Code == 0, cancel.Stderr);
        Assert.Contains(JobView.Cancelled, cancel.Stdout, StringComparison.Ordinal);
        var cancelled = (await host.Send(new GetJobQuery(job.Id)))!;
        Assert.Equal(JobView.Cancelled, cancelled.Status);
        Assert.Contains("cli:", cancelled.Message, StringComparison.Ordinal);
        // A cancelled job is not picked up by a worker.
        Assert.Equal(0, await host.Worker.RunOnceAsync().WaitAsync(Bound));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM contribution_bills WHERE period = '2030-08'"));

        var list = await Ltc("list", db, null).WaitAsync(Bound);
        Assert.Equal(0, list.Code);
        Assert.Contains(job.Id.ToString(), list.Stdout, StringComparison.Ordinal);

        var resume = await Ltc("resume", db, job.Id).WaitAsync(Bound);

        Assert.True(resume.Code == 0, resume.Stdout + resume.Stderr);
        Assert.Contains(JobView.Succeeded, resume.Stdout, StringComparison.Ordinal);
        Assert.Equal(JobView.Succeeded, (await host.Send(new GetJobQuery(job.Id)))!.Status);
        Assert.Equal((long)people, await db.ScalarAsync<long>("SELECT count(*) FROM contribution_bills WHERE period = '2030-08'"));

        // A finished job can be neither cancelled nor resumed; an unknown one does not exist: exit 1, one message each.
        foreach (var (verb, id) in new[] { ("cancel", job.Id), ("resume", job.Id), ("cancel", Guid.NewGuid()) })
        {
            var refused = await Ltc(verb, db, id).WaitAsync(Bound);
            Assert.Equal(1, refused.Code);
            Assert.Contains("拒绝 / refused", refused.Stderr, StringComparison.Ordinal);
            CliFailureTests.AssertNoStackTrace(refused.Stdout + refused.Stderr);
        }

        Assert.Equal((long)people, await db.ScalarAsync<long>("SELECT count(*) FROM contribution_bills WHERE period = '2030-08'"));
    }

    [Fact]
    public async Task A_job_id_that_is_not_one_is_a_usage_error_without_a_stack_trace()
    {
        var (code, stdout, stderr) = await CliFailureTests.RunAsync(
            ["jobs", "cancel", "--tenant", TenantIds.Yulin, "--job", "12; drop table background_jobs", "--connection", CliFailureTests.Unreachable]);

        Assert.Equal(64, code);
        Assert.Contains("--job", stderr, StringComparison.Ordinal);
        CliFailureTests.AssertNoStackTrace(stdout + stderr);
    }

    private static Task<(int Code, string Stdout, string Stderr)> Ltc(string verb, JobDatabase db, Guid? job) =>
        CliFailureTests.RunAsync(job is { } id
            ? ["jobs", verb, "--tenant", TenantIds.Yulin, "--job", id.ToString(), "--connection", db.App]
            : ["jobs", verb, "--tenant", TenantIds.Yulin, "--connection", db.App]);
}
