using System.Diagnostics;
using LtcInsurance.Application.Contributions.RecordPayment;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Contributions.StartBillingRun;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Jobs.CancelJob;
using LtcInsurance.Application.Jobs.GetJob;
using LtcInsurance.Application.Jobs.ResumeJob;
using LtcInsurance.Application.Ledger.VerifyLedger;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;

namespace LtcInsurance.Integration.Tests.Jobs;

/// <summary>
/// The billing run as a durable background job, writing a batch per transaction: a payment during a run succeeds; a
/// worker killed mid-run leaves complete batches and a row whose heartbeat goes stale, which the next worker recovers
/// and finishes, nothing lost or doubled; a clerk cancels and resumes; a job killed too often fails with the reason.
/// Every test is bounded in time.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class BillingJobTests(RegisterDatabase database)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_payment_recorded_during_a_long_run_succeeds_and_the_books_add_up()
    {
        const int people = 4000;
        var db = await JobDatabase.CreateAsync(database, people);
        await using var host = db.Services(new JobWorkerOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200) });
        var december = await host.Send(new RunBillingCommand("2029-12"));
        Assert.Equal(1, december.BillsCreated);
        var bill = await db.ScalarAsync<Guid>($"SELECT id FROM contribution_bills WHERE period = '2029-12' AND person_id = '{db.Payer}'");

        var job = await host.Send(new StartBillingRunCommand("2030-03"));
        var clock = Stopwatch.StartNew();
        var run = Task.Run(async () =>
        {
            Assert.True(await host.Worker.RunJobAsync(TenantIds.Yulin, job.Id));
            return clock.Elapsed;
        });
        // The first batch is committed: the run is under way, and its lock (if it held one for the whole run) is held.
        Assert.True(await db.WaitForBillsAsync("2030-03", 1, run) > 0);
        Assert.False(run.IsCompleted, "the run ended before a payment could be tried during it; make it longer");
        var payment = await host.Send(new RecordPaymentCommand(new BillId(bill), "YL-JOB-0001", 7.50m, new DateOnly(2029, 12, 20)))
            .WaitAsync(Bound);
        var paidAt = clock.Elapsed;
        var ranFor = await run.WaitAsync(Bound);

        Assert.False(payment.AlreadyRecorded);
        Assert.Equal(0m, payment.Outstanding);
        Assert.True(paidAt < ranFor, $"the payment waited for the whole run ({paidAt} ≥ {ranFor})");
        var done = (await host.Send(new GetJobQuery(job.Id)))!;
        Assert.Equal(JobView.Succeeded, done.Status);
        var result = BillingRunJobs.ReadResult(done)!;
        Assert.Equal((people, 0), (result.BillsCreated, result.BillsAlreadyPresent));
        // One entry per batch (the people are of one region): the fund's postings summed per payer, region and period.
        Assert.Equal(await db.ScalarAsync<long>("SELECT count(DISTINCT journal_sequence) FROM contribution_bills WHERE period = '2030-03'"), result.EntriesPosted);
        Assert.Equal((people + RunBillingCommand.BatchSize - 1) / RunBillingCommand.BatchSize, result.EntriesPosted);
        Assert.Equal((people, people), (done.ProgressDone, done.ProgressTotal));
        Assert.Equal(await db.ScalarAsync<decimal>("SELECT sum(total) FROM contribution_bills WHERE period = '2030-03'"), result.Totals.Total);
        Assert.Equal(15.00m * people, result.Totals.Total);
        await AssertBooksAsync(db, host, "2030-03", people);
    }

    [Fact]
    public async Task A_worker_killed_mid_run_is_recovered_by_the_next_and_nothing_is_lost_or_doubled()
    {
        const int people = 3000;
        var db = await JobDatabase.CreateAsync(database, people);
        // The first worker dies as under kill -9: it stops between statements and writes nothing more, not even a release.
        await using var dying = db.Services(new JobWorkerOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200), ReleaseOnStop = false });
        var job = await dying.Send(new StartBillingRunCommand("2030-04"));
        using var kill = new CancellationTokenSource();
        var run = dying.Worker.RunJobAsync(TenantIds.Yulin, job.Id, kill.Token);
        var before = await db.WaitForBillsAsync("2030-04", RunBillingCommand.BatchSize, run);
        await kill.CancelAsync();
        await run.WaitAsync(Bound);

        var left = (await dying.Send(new GetJobQuery(job.Id)))!;
        Assert.Equal(JobView.Running, left.Status);
        var written = await db.ScalarAsync<long>("SELECT count(*) FROM contribution_bills WHERE period = '2030-04'");
        Assert.True(written >= before && written < people, $"{written} bills after the kill");
        Assert.Equal(0, written % RunBillingCommand.BatchSize);
        // Time passes: the dead worker's heartbeat is older than the limit.
        await db.ExecuteAsync($"UPDATE background_jobs SET heartbeat_at = now() - interval '10 minutes' WHERE id = '{job.Id}'");

        await using var next = db.Services(new JobWorkerOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200) });
        Assert.Equal(1, await next.Worker.RunOnceAsync().WaitAsync(Bound));

        var done = (await next.Send(new GetJobQuery(job.Id)))!;
        Assert.Equal(JobView.Succeeded, done.Status);
        Assert.Equal(2, done.Attempts);
        var result = BillingRunJobs.ReadResult(done)!;
        Assert.Equal(written, result.BillsAlreadyPresent);
        Assert.Equal(people - written, result.BillsCreated);
        await AssertBooksAsync(db, next, "2030-04", people);
    }

    [Fact]
    public async Task A_clerk_cancels_a_running_run_which_stops_after_a_batch_and_resumes_it_later()
    {
        const int people = 3000;
        var db = await JobDatabase.CreateAsync(database, people);
        await using var host = db.Services(new JobWorkerOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(50) });
        var job = await host.Send(new StartBillingRunCommand("2030-05"));
        var run = host.Worker.RunJobAsync(TenantIds.Yulin, job.Id);
        await db.WaitForBillsAsync("2030-05", 1, run);
        var cancelled = await host.Send(new CancelJobCommand(job.Id));
        Assert.Equal(JobView.Cancelled, cancelled.Status);
        await run.WaitAsync(Bound);

        var stopped = (await host.Send(new GetJobQuery(job.Id)))!;
        Assert.Equal(JobView.Cancelled, stopped.Status);
        Assert.Contains("取消", stopped.Message, StringComparison.Ordinal);
        var written = await db.ScalarAsync<long>("SELECT count(*) FROM contribution_bills WHERE period = '2030-05'");
        Assert.True(written < people, "the cancelled run went on to the end");
        Assert.Equal(0, written % RunBillingCommand.BatchSize);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM contribution_bills WHERE period = '2030-05' AND journal_sequence IS NULL"));

        var resumed = await host.Send(new ResumeJobCommand(job.Id));
        Assert.Equal(JobView.Queued, resumed.Status);
        Assert.Equal(1, await host.Worker.RunOnceAsync().WaitAsync(Bound));
        var done = (await host.Send(new GetJobQuery(job.Id)))!;
        Assert.Equal(JobView.Succeeded, done.Status);
        Assert.Equal(written, BillingRunJobs.ReadResult(done)!.BillsAlreadyPresent);
        await AssertBooksAsync(db, host, "2030-05", people);
    }

    [Fact]
    public async Task A_job_whose_worker_died_too_often_fails_with_the_reason_and_a_clerk_resumes_it()
    {
        var db = await JobDatabase.CreateAsync(database, 5);
        await using var host = db.Services(new JobWorkerOptions { MaxAttempts = 3 });
        var job = await host.Send(new StartBillingRunCommand("2030-06"));
        await db.ExecuteAsync($"""
            UPDATE background_jobs SET status = 'running', attempts = 3, locked_by = 'dead-host:1:x',
                heartbeat_at = now() - interval '10 minutes' WHERE id = '{job.Id}'
            """);

        var recovered = await host.Worker.RecoverAsync().WaitAsync(Bound);

        Assert.Equal(job.Id, Assert.Single(recovered).Id);
        var failed = (await host.Send(new GetJobQuery(job.Id)))!;
        Assert.Equal(JobView.Failed, failed.Status);
        Assert.Contains("心跳超时", failed.Message, StringComparison.Ordinal);
        Assert.Contains("dead-host", failed.Message, StringComparison.Ordinal);
        Assert.True(failed.CanResume);
        Assert.Equal(0, await host.Worker.RunOnceAsync());

        await host.Send(new ResumeJobCommand(job.Id));
        Assert.Equal(1, await host.Worker.RunOnceAsync().WaitAsync(Bound));
        Assert.Equal(JobView.Succeeded, (await host.Send(new GetJobQuery(job.Id)))!.Status);
        await AssertBooksAsync(db, host, "2030-06", 5);
    }

    [Fact]
    public async Task A_refused_run_fails_its_job_with_the_engine_reason_and_a_wrong_period_is_refused_before_queueing()
    {
        var db = await JobDatabase.CreateAsync(database, 1);
        await using var host = db.Services();
        await Assert.ThrowsAsync<Application.Contributions.BillingRefusedException>(() => host.Send(new StartBillingRunCommand("2030")));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM background_jobs"));

        var job = await host.Send(new StartBillingRunCommand("2030-07"));
        var again = await host.Send(new StartBillingRunCommand("2030-07"));
        Assert.Equal(job.Id, again.Id);
        // A payload the run refuses (a yearly period for a monthly city): the job fails with the engine's reason.
        await db.ExecuteAsync($"UPDATE background_jobs SET payload = '{{\"Period\":\"2030\"}}' WHERE id = '{job.Id}'");
        Assert.Equal(1, await host.Worker.RunOnceAsync().WaitAsync(Bound));

        var failed = (await host.Send(new GetJobQuery(job.Id)))!;
        Assert.Equal(JobView.Failed, failed.Status);
        Assert.NotNull(BillingRunJobs.FailureCode(failed));
        Assert.Contains("YYYY-MM", failed.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM contribution_bills"));
    }

    /// <summary>
    /// One bill per person of the period, every bill with something due booked by an entry of its batch and region, the
    /// entries' debits the sum of the bills, the chain intact.
    /// </summary>
    private static async Task AssertBooksAsync(JobDatabase db, JobDatabase.Host host, string period, int people)
    {
        // Statistics of the tables just written, so that the checks' joins are planned on them (not on empty-table guesses).
        await db.ExecuteAsync("ANALYZE contribution_bills, journal_entries, journal_postings");
        Assert.Equal((long)people, await db.ScalarAsync<long>($"SELECT count(*) FROM contribution_bills WHERE period = '{period}'"));
        Assert.Equal((long)people, await db.ScalarAsync<long>($"SELECT count(DISTINCT person_id) FROM contribution_bills WHERE period = '{period}'"));
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM contribution_bills WHERE period = '{period}' AND total > 0 AND journal_sequence IS NULL"));
        Assert.Equal((long)people, await db.ScalarAsync<long>(
            $"SELECT count(*) FROM journal_entries e JOIN contribution_bills b ON b.tenant_id = e.tenant_id AND b.journal_sequence = e.sequence WHERE b.period = '{period}'"));
        Assert.Equal(
            await db.ScalarAsync<decimal>($"SELECT sum(total) FROM contribution_bills WHERE period = '{period}'"),
            await db.ScalarAsync<decimal>($"""
                SELECT coalesce(sum(p.amount), 0) FROM journal_postings p
                WHERE p.side = 'D' AND (p.tenant_id, p.sequence) IN
                    (SELECT tenant_id, journal_sequence FROM contribution_bills WHERE period = '{period}')
                """));
        var verified = await host.Send(new VerifyLedgerQuery());
        Assert.True(verified.IsIntact, verified.FirstBreak?.ToString());
    }
}
