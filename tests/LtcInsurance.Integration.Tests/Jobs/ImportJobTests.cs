using System.Text;
using LtcInsurance.Application.Import;
using LtcInsurance.Application.Import.GetImportErrors;
using LtcInsurance.Application.Import.GetImportJob;
using LtcInsurance.Application.Import.StartRegisterImport;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Jobs.CancelJob;
using LtcInsurance.Application.Jobs.GetJob;
using LtcInsurance.Application.Jobs.ResumeJob;
using LtcInsurance.Cli.Import;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;

namespace LtcInsurance.Integration.Tests.Jobs;

/// <summary>
/// The register import as a durable background job: the id comes back before any row is read; staging and apply
/// commit in batches; a worker killed mid-import is recovered by the next and the import completes with nothing lost
/// or doubled; a clerk cancels (staged rows deleted) and resumes; a job that failed leaves a failed import with the
/// reason and no staged rows; implausible dates are row errors naming the column. Every wait is bounded.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class ImportJobTests(RegisterDatabase database)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    /// <summary>Rows a staging or apply batch commits (RegisterImportRun.BatchSize).</summary>
    private const int BatchSize = 1_000;

    private static async Task<MemoryStream> GeneratedAsync(int rows)
    {
        var file = new MemoryStream();
        await RegisterFileGenerator.WriteCsvAsync(file, TenantIds.Yulin, rows, 20);
        file.Position = 0;
        return file;
    }

    private static Task<long> StagedAsync(JobDatabase db, Guid import) =>
        db.ScalarAsync<long>($"SELECT count(*) FROM import_rows WHERE job_id = '{import}'");

    /// <summary>Waits (bounded) until at least <paramref name="atLeast"/> rows of the import are committed to staging.</summary>
    private static async Task<long> WaitForStagedAsync(JobDatabase db, Guid import, long atLeast, Task running)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var count = await StagedAsync(db, import);
            if (count >= atLeast || running.IsCompleted)
                return count;
            Assert.True(DateTime.UtcNow < deadline, $"no {atLeast} staged rows within 2 minutes");
            await Task.Delay(10);
        }
    }

    /// <summary>The register holds each valid row once: people, and one enrollment for each valid row with a scheme.</summary>
    private static async Task AssertAppliedOnceAsync(JobDatabase db, ImportJobView done, int rows)
    {
        Assert.Equal("completed", done.Status);
        Assert.Equal(rows, done.TotalRows);
        Assert.Equal(rows, done.ValidRows + done.ErrorRows);
        Assert.Equal((long)rows, await StagedAsync(db, done.Id));
        Assert.Equal((long)rows, await db.ScalarAsync<long>($"SELECT count(DISTINCT row_number) FROM import_rows WHERE job_id = '{done.Id}'"));
        var valid = await db.ScalarAsync<long>($"SELECT count(*) FROM import_rows WHERE job_id = '{done.Id}' AND cardinality(error_messages) = 0");
        Assert.Equal(done.ValidRows, (int)valid);
        Assert.Equal(valid, await db.ScalarAsync<long>($"""
            SELECT count(*) FROM insured_people p
            WHERE EXISTS (SELECT 1 FROM import_rows r WHERE r.job_id = '{done.Id}' AND r.id_number = p.id_number AND cardinality(r.error_messages) = 0)
            """));
        Assert.Equal(
            await db.ScalarAsync<long>($"SELECT count(*) FROM import_rows WHERE job_id = '{done.Id}' AND cardinality(error_messages) = 0 AND scheme IS NOT NULL"),
            await db.ScalarAsync<long>($"""
                SELECT count(*) FROM enrollment_periods e JOIN insured_people p ON p.id = e.person_id
                WHERE EXISTS (SELECT 1 FROM import_rows r WHERE r.job_id = '{done.Id}' AND r.id_number = p.id_number)
                """));
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM background_job_files WHERE job_id = '{done.Id}'"));
    }

    [Fact]
    public async Task The_import_id_comes_back_queued_before_any_row_is_read_and_the_file_waits_in_the_database()
    {
        var db = await JobDatabase.CreateAsync(database, 0);
        await using var host = db.Services(new JobWorkerOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200) });
        var people = await db.ScalarAsync<long>("SELECT count(*) FROM insured_people");

        var queued = await host.Send(new StartRegisterImportCommand(await GeneratedAsync(300), "queued.csv"));

        Assert.Equal(("queued", 0, 0), (queued.Status, queued.TotalRows, queued.AppliedRows));
        Assert.Equal(JobView.Queued, (await host.Send(new GetJobQuery(queued.Id)))!.Status);
        Assert.Equal(JobKinds.RegisterImport, (await host.Send(new GetJobQuery(queued.Id)))!.Kind);
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM background_job_files WHERE job_id = '{queued.Id}' AND octet_length(content) > 0"));
        Assert.Equal(0L, await StagedAsync(db, queued.Id));
        Assert.Equal(people, await db.ScalarAsync<long>("SELECT count(*) FROM insured_people"));

        Assert.Equal(1, await host.Worker.RunOnceAsync().WaitAsync(Bound));
        var done = (await host.Send(new GetImportJobQuery(queued.Id)))!;
        await AssertAppliedOnceAsync(db, done, 300);
        var job = (await host.Send(new GetJobQuery(queued.Id)))!;
        Assert.Equal((JobView.Succeeded, 600, 600), (job.Status, job.ProgressDone, job.ProgressTotal));
    }

    [Fact]
    public async Task A_worker_killed_mid_import_is_recovered_by_the_next_and_nothing_is_lost_or_doubled()
    {
        const int rows = 4000;
        var db = await JobDatabase.CreateAsync(database, 0);
        await using var dying = db.Services(new JobWorkerOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200), ReleaseOnStop = false });
        var queued = await dying.Send(new StartRegisterImportCommand(await GeneratedAsync(rows), "killed.csv"));
        using var kill = new CancellationTokenSource();
        var run = dying.Worker.RunJobAsync(TenantIds.Yulin, queued.Id, kill.Token);
        var before = await WaitForStagedAsync(db, queued.Id, BatchSize, run);
        await kill.CancelAsync();
        await run.WaitAsync(Bound);

        Assert.Equal(JobView.Running, (await dying.Send(new GetJobQuery(queued.Id)))!.Status);
        var left = (await dying.Send(new GetImportJobQuery(queued.Id)))!;
        Assert.Equal("staging", left.Status);
        var staged = await StagedAsync(db, queued.Id);
        Assert.True(staged >= before && staged < rows, $"{staged} rows staged after the kill");
        Assert.Equal(0, staged % BatchSize);
        await db.ExecuteAsync($"UPDATE background_jobs SET heartbeat_at = now() - interval '10 minutes' WHERE id = '{queued.Id}'");

        await using var next = db.Services(new JobWorkerOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200) });
        Assert.Equal(1, await next.Worker.RunOnceAsync().WaitAsync(Bound));

        var job = (await next.Send(new GetJobQuery(queued.Id)))!;
        Assert.Equal((JobView.Succeeded, 2), (job.Status, job.Attempts));
        await AssertAppliedOnceAsync(db, (await next.Send(new GetImportJobQuery(queued.Id)))!, rows);
    }

    [Fact]
    public async Task A_clerk_cancels_a_running_import_whose_staged_rows_are_deleted_and_resumes_it_to_completion()
    {
        const int rows = 8000;
        var db = await JobDatabase.CreateAsync(database, 0);
        await using var host = db.Services(new JobWorkerOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(50) });
        var queued = await host.Send(new StartRegisterImportCommand(await GeneratedAsync(rows), "cancelled.csv"));
        var run = host.Worker.RunJobAsync(TenantIds.Yulin, queued.Id);
        await WaitForStagedAsync(db, queued.Id, BatchSize, run);
        Assert.False(run.IsCompleted, "the import ended before it could be cancelled; make the file longer");
        Assert.Equal(JobView.Cancelled, (await host.Send(new CancelJobCommand(queued.Id))).Status);
        await run.WaitAsync(Bound);

        var stopped = (await host.Send(new GetImportJobQuery(queued.Id)))!;
        Assert.Equal("cancelled", stopped.Status);
        Assert.Contains("取消", stopped.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await StagedAsync(db, queued.Id));
        Assert.Equal(JobView.Cancelled, (await host.Send(new GetJobQuery(queued.Id)))!.Status);

        Assert.Equal(JobView.Queued, (await host.Send(new ResumeJobCommand(queued.Id))).Status);
        Assert.Equal("queued", (await host.Send(new GetImportJobQuery(queued.Id)))!.Status);
        Assert.Equal(1, await host.Worker.RunOnceAsync().WaitAsync(Bound));
        Assert.Equal(JobView.Succeeded, (await host.Send(new GetJobQuery(queued.Id)))!.Status);
        await AssertAppliedOnceAsync(db, (await host.Send(new GetImportJobQuery(queued.Id)))!, rows);
    }

    [Fact]
    public async Task An_import_whose_job_failed_is_marked_failed_with_the_reason_and_its_staged_rows_are_deleted()
    {
        var db = await JobDatabase.CreateAsync(database, 0);
        await using var dying = db.Services(new JobWorkerOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200), ReleaseOnStop = false, MaxAttempts = 1 });
        var queued = await dying.Send(new StartRegisterImportCommand(await GeneratedAsync(4000), "failing.csv"));
        using var kill = new CancellationTokenSource();
        var run = dying.Worker.RunJobAsync(TenantIds.Yulin, queued.Id, kill.Token);
        await WaitForStagedAsync(db, queued.Id, BatchSize, run);
        await kill.CancelAsync();
        await run.WaitAsync(Bound);
        Assert.True(await StagedAsync(db, queued.Id) > 0);
        await db.ExecuteAsync($"UPDATE background_jobs SET heartbeat_at = now() - interval '10 minutes' WHERE id = '{queued.Id}'");

        // The next worker finds the job dead once too often: failed with the reason, and the import ended with it.
        await using var next = db.Services(new JobWorkerOptions { MaxAttempts = 1 });
        var recovered = await next.Worker.RecoverAsync().WaitAsync(Bound);

        Assert.Equal(queued.Id, Assert.Single(recovered).Id);
        var job = (await next.Send(new GetJobQuery(queued.Id)))!;
        Assert.Equal(JobView.Failed, job.Status);
        var failed = (await next.Send(new GetImportJobQuery(queued.Id)))!;
        Assert.Equal(("failed", 0, 0), (failed.Status, failed.TotalRows, failed.ErrorRows));
        Assert.Contains(job.Message!, failed.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await StagedAsync(db, queued.Id));
        Assert.Empty(await next.Send(new GetImportErrorsQuery(queued.Id)));
    }

    [Fact]
    public async Task Implausible_dates_are_row_errors_naming_the_column_and_the_other_rows_still_import()
    {
        var db = await JobDatabase.CreateAsync(database, 0);
        await using var host = db.Services(new JobWorkerOptions());
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var region = JobDatabase.Region;
        string Id(DateOnly birth, int sequence) => IdNumber.Create(region, birth, sequence).Value;
        var csv = string.Join("\r\n",
            "身份证号码,姓名,出生日期,所在地区,医保类型,就业状态,参保日期",
            $"{Id(new DateOnly(1950, 1, 1), 701)},韦好,,{region},职工,退休,2027-01-01",
            $"{Id(today.AddDays(30), 702)},韦未生,,{region},职工,退休,",
            $"{Id(new DateOnly(1899, 12, 31), 703)},韦太老,,{region},职工,退休,",
            $"{Id(new DateOnly(1951, 1, 1), 704)},韦早保,,{region},职工,退休,2026-12-31",
            $"{Id(new DateOnly(1952, 1, 1), 705)},韦远保,,{region},职工,退休,{today.AddYears(1).AddDays(1):yyyy-MM-dd}",
            $"{Id(new DateOnly(1953, 1, 1), 706)},韦填生,{today.AddDays(1):yyyy-MM-dd},{region},职工,退休,",
            "");

        var queued = await host.Send(new StartRegisterImportCommand(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "dates.csv"));
        Assert.Equal(1, await host.Worker.RunOnceAsync().WaitAsync(Bound));

        var done = (await host.Send(new GetImportJobQuery(queued.Id)))!;
        Assert.Equal(("completed", 6, 1, 5), (done.Status, done.TotalRows, done.ValidRows, done.ErrorRows));
        var errors = await host.Send(new GetImportErrorsQuery(queued.Id));
        Assert.Contains(errors, e => e is { Row: 3, Column: RegisterColumns.IdNumber } && e.Message.Contains("晚于今天", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 4, Column: RegisterColumns.IdNumber } && e.Message.Contains("早于1900年", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 5, Column: RegisterColumns.EnrolledFrom } && e.Message.Contains("早于本市长期护理保险制度施行日期 2027-01-01", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 6, Column: RegisterColumns.EnrolledFrom } && e.Message.Contains("晚于一年之后", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 7 && e.Column == RegisterColumns.BirthDate);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM insured_people WHERE name = '韦好'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM insured_people WHERE name LIKE '韦%' AND name <> '韦好' AND name NOT LIKE '韦批%'"));
    }
}
