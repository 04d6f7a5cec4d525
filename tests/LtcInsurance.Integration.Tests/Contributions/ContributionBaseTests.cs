using System.Text;
using System.Text.Json;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.ContributionBases;
using LtcInsurance.Application.ContributionBases.ListContributionBases;
using LtcInsurance.Application.ContributionBases.SetContributionBase;
using LtcInsurance.Application.ContributionBases.StartBaseImport;
using LtcInsurance.Application.Contributions.RecomputeBill;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Contributions.StartBillingRun;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Jobs.GetJob;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Postgres;
using LtcInsurance.Infrastructure.Tenancy;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Contributions;

/// <summary>
/// Contribution bases (缴费基数) end to end on a fresh Yulin register each (so the counts are exact): bases from the
/// register file's optional columns, from a base file (a durable job, idempotent, with a row-by-row Chinese error
/// report) and from the form; billing at rate × base, traced to the base; a run that bills nobody or skips people
/// counts them per reason and is a warning, never a plain success.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class ContributionBaseTests(RegisterDatabase database)
{
    private const string Region = "450902";
    private const string Header = "身份证号码,姓名,性别,出生日期,联系电话,所在地区,医保类型,就业状态,人员类别,参保日期,月缴费工资基数,月养老金基数,基数年度";

    private static readonly string Worker1 = IdNumber.Create(Region, new DateOnly(1980, 1, 1), 11).Value;
    private static readonly string Worker2 = IdNumber.Create(Region, new DateOnly(1985, 6, 6), 21).Value;
    private static readonly string Retiree = IdNumber.Create(Region, new DateOnly(1950, 3, 3), 31).Value;
    private static readonly string Unenrolled = IdNumber.Create(Region, new DateOnly(1990, 9, 9), 41).Value;
    private static readonly string Stranger = IdNumber.Create(Region, new DateOnly(1991, 2, 2), 51).Value;

    [Fact]
    public async Task Yulin_employees_imported_with_their_bases_are_billed_at_the_rate_on_the_base_traced_to_it()
    {
        var (owner, app) = await FreshYulinAsync("register");
        var csv = string.Join("\r\n",
            Header,
            $"{Worker1},韦甲,,,,{Region},职工,在职,,2027-01-01,5000,,",
            $"{Worker2},韦乙,,,,{Region},职工,在职,,2027-01-01,8123.45,,2027",
            $"{Retiree},韦丙,,,,{Region},职工,退休,,2027-01-01,,3000,",
            "");
        await using var clerk = UseCaseHost.For(app, TenantIds.Yulin, Roles.Clerk);
        var import = await clerk.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "register.csv");
        Assert.Equal(("completed", 3, 0), (import.Status, import.ValidRows, import.ErrorRows));
        // The same file again records no base twice.
        await clerk.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "register.csv");

        await using var db = App(app);
        var bases = await db.Set<ContributionBase>().OrderBy(b => b.Amount).ToListAsync();
        Assert.Equal(
            [("pension", 3000.00m), ("wage", 5000.00m), ("wage", 8123.45m)],
            bases.Select(b => (b.Kind, b.Amount)));
        Assert.All(bases, b => Assert.Equal((ContributionBaseSources.RegisterImport, "2027", import.Id),
            (b.Source, b.PeriodText, b.SourceJobId!.Value)));

        var run = await clerk.Send(new RunBillingCommand("2027-03"));

        Assert.Equal((3, 0), (run.BillsCreated, run.Skipped.Count));
        Assert.False(run.Warning);
        Assert.Empty(run.Reasons);
        var bills = await BillsAsync(db);
        Assert.Equal("employer:7.50,individual:7.50", bills[Worker1].Lines);
        Assert.Equal("employer:12.19,individual:12.19", bills[Worker2].Lines);
        Assert.Equal("individual:4.50", bills[Retiree].Lines);
        // The trace names the rule, the rate and the base, and the base's record (source, amount, months).
        using var trace = JsonDocument.Parse(bills[Worker1].Trace);
        var step = trace.RootElement.GetProperty("steps").EnumerateArray()
            .First(s => s.GetProperty("rule").GetString() == "rate_on_base");
        Assert.Equal(5000m, step.GetProperty("inputs").GetProperty("monthlyWage").GetDecimal());
        var used = Assert.Single(trace.RootElement.GetProperty("bases").EnumerateArray());
        Assert.Equal(("wage", 5000m, "register_import", "2027"),
            (used.GetProperty("kind").GetString(), used.GetProperty("amount").GetDecimal(), used.GetProperty("source").GetString(),
                used.GetProperty("period").GetString()));
        _ = owner;
    }

    [Fact]
    public async Task A_run_that_bills_nobody_or_skips_people_counts_them_per_reason_and_is_a_warning_until_a_base_file_gives_the_bases()
    {
        var (_, app) = await FreshYulinAsync("reasons");
        var csv = string.Join("\r\n",
            "身份证号码,姓名,所在地区,医保类型,就业状态,参保日期",
            $"{Worker1},韦甲,{Region},职工,在职,2027-01-01",
            $"{Worker2},韦乙,{Region},职工,在职,2027-01-01",
            $"{Retiree},韦丙,{Region},职工,退休,2027-01-01",
            $"{Unenrolled},韦丁,{Region},职工,在职,",
            "");
        await using var clerk = UseCaseHost.For(app, TenantIds.Yulin, Roles.Clerk);
        Assert.Equal("completed", (await clerk.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "register.csv")).Status);

        // Nobody has a base: the run bills nobody and says why, as a warning stored with the job and the run.
        var (first, firstJob) = await RunJobAsync(clerk, "2027-03");
        Assert.Equal((0, 3), (first.BillsCreated, first.Skipped.Count));
        Assert.True(first.Warning);
        Assert.Equal(new Dictionary<string, int> { ["no_base"] = 3, ["not_enrolled"] = 1 }, first.Reasons);
        Assert.StartsWith("警告：", firstJob.Message, StringComparison.Ordinal);
        Assert.Contains("缺少缴费基数 3 人", firstJob.Message, StringComparison.Ordinal);
        Assert.Contains("本期未参保 1 人", firstJob.Message, StringComparison.Ordinal);
        await using (var db = App(app))
        {
            var recorded = Assert.Single(await db.Set<BillingRun>().ToListAsync());
            Assert.Equal((0, 3), (recorded.BillsCreated, recorded.PeopleSkipped));
            using var reasons = JsonDocument.Parse(recorded.Reasons!);
            Assert.Equal(3, reasons.RootElement.GetProperty("no_base").GetInt32());
            Assert.Equal(1, reasons.RootElement.GetProperty("not_enrolled").GetInt32());
        }

        // The medical insurance system's base file: the two workers' wages (one for the year, one for March only).
        var bases = string.Join("\r\n",
            "身份证号码,姓名,年度,起始月份,截止月份,基数类别,月缴费基数",
            $"{Worker1},韦甲,2027,,,工资,5000",
            $"{Worker2},,,2027-03,2027-03,工资,\"8,123.45\"",
            "");
        var imported = await ImportBasesAsync(clerk, bases);
        Assert.Equal((2, 0, 2, 0), (imported.TotalRows, imported.ErrorRows, imported.Added, imported.Unchanged));
        var again = await ImportBasesAsync(clerk, bases);
        Assert.Equal((2, 0, 0, 2), (again.TotalRows, again.ErrorRows, again.Added, again.Unchanged));

        var (second, secondJob) = await RunJobAsync(clerk, "2027-03");
        Assert.Equal((2, 1), (second.BillsCreated, second.Skipped.Count));
        Assert.True(second.Warning);
        Assert.Equal(new Dictionary<string, int> { ["no_base"] = 1, ["not_enrolled"] = 1 }, second.Reasons);
        Assert.Equal("韦丙", Assert.Single(second.Skipped).Name);
        Assert.StartsWith("警告：", secondJob.Message, StringComparison.Ordinal);
        await using (var db = App(app))
        {
            var bills = await BillsAsync(db);
            Assert.Equal("employer:7.50,individual:7.50", bills[Worker1].Lines);
            Assert.Equal("employer:12.19,individual:12.19", bills[Worker2].Lines);
            using var trace = JsonDocument.Parse(bills[Worker1].Trace);
            Assert.Equal("base_file", Assert.Single(trace.RootElement.GetProperty("bases").EnumerateArray()).GetProperty("source").GetString());
            Assert.Equal(2, await db.Set<BillingRun>().CountAsync());
        }
    }

    [Fact]
    public async Task A_new_base_supersedes_the_old_one_for_its_months_only_and_a_bill_is_recomputed_with_the_base_it_used()
    {
        var (_, app) = await FreshYulinAsync("supersede");
        var csv = string.Join("\r\n", Header, $"{Worker1},韦甲,,,,{Region},职工,在职,,2027-01-01,5000,,2027", "");
        await using var clerk = UseCaseHost.For(app, TenantIds.Yulin, Roles.Clerk);
        await clerk.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "register.csv");
        await using var db = App(app);
        var person = new PersonId((await db.InsuredPeople.SingleAsync()).Id);
        var march = await clerk.Send(new RunBillingCommand("2027-03"));
        Assert.Equal(1, march.BillsCreated);

        var set = await clerk.Send(new SetContributionBaseCommand(person, ContributionBaseKinds.Wage, "2027-03", "2027-04", 6000m));
        Assert.True(set.Added);
        Assert.False((await clerk.Send(new SetContributionBaseCommand(person, ContributionBaseKinds.Wage, "2027-03", "2027-04", 6000m))).Added);
        var list = await clerk.Send(new ListContributionBasesQuery(person));
        Assert.Equal([(6000m, "form", false), (5000m, "register_import", false)], list.Select(b => (b.Amount, b.Source, b.Superseded)));

        // April uses the form's base, May still the year's; March's bill keeps what was known when it was made.
        Assert.Equal(1, (await clerk.Send(new RunBillingCommand("2027-04"))).BillsCreated);
        Assert.Equal(1, (await clerk.Send(new RunBillingCommand("2027-05"))).BillsCreated);
        var bills = await db.ContributionBills.Include(b => b.Lines).ToListAsync();
        Assert.Equal(7.50m, bills.Single(b => b.Period == "2027-03").Lines.Single(l => l.Payer == "individual").Amount);
        Assert.Equal(9.00m, bills.Single(b => b.Period == "2027-04").Lines.Single(l => l.Payer == "individual").Amount);
        Assert.Equal(7.50m, bills.Single(b => b.Period == "2027-05").Lines.Single(l => l.Payer == "individual").Amount);
        var recomputed = await clerk.Send(new RecomputeBillQuery(bills.Single(b => b.Period == "2027-03").Id));
        Assert.True(recomputed!.Matches);

        // A whole year set later supersedes both for every month they cover: they stay, as history.
        await clerk.Send(new SetContributionBaseCommand(person, ContributionBaseKinds.Wage, "2027-01", "2027-12", 5500m));
        list = await clerk.Send(new ListContributionBasesQuery(person));
        Assert.Equal([(5500m, false), (6000m, true), (5000m, true)], list.Select(b => (b.Amount, b.Superseded)));

        // The form refuses in Chinese what cannot be a base; nothing is recorded.
        var refused = await Assert.ThrowsAsync<Application.Common.Validation.RequestValidationException>(() =>
            clerk.Send(new SetContributionBaseCommand(person, ContributionBaseKinds.Wage, "2027-05", "2027-02", -1m)));
        Assert.Contains("截止月份不能早于起始月份", refused.Message, StringComparison.Ordinal);
        Assert.Contains("缴费基数必须大于零", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3, await db.Set<ContributionBase>().CountAsync());

        // History is kept: the application role cannot change or delete a base.
        await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE contribution_bases SET amount = 1"));
        await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM contribution_bases"));
    }

    [Fact]
    public async Task A_base_file_reports_each_bad_row_in_chinese_and_records_only_the_good_ones()
    {
        var (_, app) = await FreshYulinAsync("errors");
        await using var clerk = UseCaseHost.For(app, TenantIds.Yulin, Roles.Clerk);
        await clerk.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\r\n",
            "身份证号码,姓名,所在地区,医保类型,就业状态,参保日期", $"{Worker1},韦甲,{Region},职工,在职,2027-01-01", ""))), "register.csv");
        var badCheck = Worker2[..17] + (Worker2[17] == '0' ? '1' : '0');
        var file = string.Join("\r\n",
            "身份证号码,姓名,年度,起始月份,截止月份,基数类别,月缴费基数",
            $"{Worker1},韦甲,2027,,,工资,5000",
            $"{badCheck},,2027,,,工资,5000",
            $"{Stranger},,2027,,,工资,5000",
            $"{Worker1},,2027,,,奖金,5000",
            $"{Worker1},,2027,,,养老金,abc",
            $"{Worker1},,2027,2027-01,,养老金,3000",
            $"{Worker1},别人,2028,,,工资,5000",
            $"{Worker1},,,2027-06,2027-06,工资,5100",
            "");

        var result = await ImportBasesAsync(clerk, file);

        Assert.Equal((8, 7, 1), (result.TotalRows, result.ErrorRows, result.Added));
        Assert.Equal(
            [
                (3, "身份证号码"), (4, "身份证号码"), (5, "基数类别"), (6, "月缴费基数"), (7, "年度"), (8, "姓名"), (9, "起始月份"),
            ],
            result.Errors.Select(e => (e.Row, e.Column)));
        Assert.Equal("身份证号码校验位不正确", result.Errors[0].Message);
        Assert.Equal("参保登记中没有该身份证号码的人员，请先导入参保登记", result.Errors[1].Message);
        Assert.Equal("基数类别「奖金」无效，应为 工资 或 养老金", result.Errors[2].Message);
        Assert.StartsWith("缴费基数「abc」不是有效金额", result.Errors[3].Message, StringComparison.Ordinal);
        Assert.Equal("年度与起始月份、截止月份只能填写一种", result.Errors[4].Message);
        Assert.Equal("姓名「别人」与参保登记中该身份证号码的姓名不一致", result.Errors[5].Message);
        Assert.StartsWith("与第 2 行的同一人员、同一类别的期间重叠", result.Errors[6].Message, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFF行号,列,错误\r\n3,身份证号码,身份证号码校验位不正确\r\n", result.ErrorReportCsv(), StringComparison.Ordinal);
        await using var db = App(app);
        Assert.Equal(5000m, (await db.Set<ContributionBase>().SingleAsync()).Amount);

        // A file without the required columns fails the job with the reason; nothing recorded.
        var job = await QueueBasesAsync(clerk, "身份证号码,金额\r\n" + Worker1 + ",5000\r\n");
        Assert.Equal(JobView.Failed, job.Status);
        Assert.Contains("缺少必需的列：基数类别、月缴费基数", job.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ltc_import_bases_imports_a_file_once_writes_the_error_report_and_a_second_run_adds_nothing()
    {
        var (_, app) = await FreshYulinAsync("cli");
        await using (var clerk = UseCaseHost.For(app, TenantIds.Yulin, Roles.Clerk))
        {
            await clerk.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\r\n",
                "身份证号码,姓名,所在地区,医保类型,就业状态,参保日期", $"{Retiree},韦丙,{Region},职工,退休,2027-01-01", ""))), "register.csv");
        }

        var file = Path.Combine(Path.GetTempPath(), $"bases-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, string.Join("\r\n",
            "身份证号码,年度,基数类别,月缴费基数", $"{Retiree},2027,养老金,3000", $"{Stranger},2027,工资,4000", ""));
        try
        {
            var stdout = new StringWriter();
            var exit = await global::LtcInsurance.Cli.Import.ImportRegisterCommand.RunAsync(
                ["bases", "--tenant", TenantIds.Yulin, "--file", file, "--connection", app], stdout, TextWriter.Null);
            Assert.Equal(0, exit);
            Assert.Contains("共 2 行，错误 1 行，新增基数 1，已有相同基数 0", stdout.ToString(), StringComparison.Ordinal);
            Assert.Equal(["行号,列,错误", "3,身份证号码,参保登记中没有该身份证号码的人员，请先导入参保登记"],
                (await File.ReadAllLinesAsync(file + ".errors.csv")).Select(l => l.TrimStart('\uFEFF')));

            stdout = new StringWriter();
            Assert.Equal(0, await global::LtcInsurance.Cli.Import.ImportRegisterCommand.RunAsync(
                ["bases", "--tenant", TenantIds.Yulin, "--file", file, "--connection", app], stdout, TextWriter.Null));
            Assert.Contains("新增基数 0，已有相同基数 1", stdout.ToString(), StringComparison.Ordinal);
            await using var db = App(app);
            var recorded = await db.Set<ContributionBase>().SingleAsync();
            Assert.Equal((ContributionBaseKinds.Pension, 3000m, ContributionBaseSources.BaseFile), (recorded.Kind, recorded.Amount, recorded.Source));
        }
        finally
        {
            File.Delete(file);
            File.Delete(file + ".errors.csv");
        }
    }

    private static LtcDbContext App(string app) =>
        new(LtcDbContextOptions.ForApplication(app), new FixedCurrentTenant(TenantIds.Yulin));

    private static async Task<Dictionary<string, (string Lines, string Trace)>> BillsAsync(LtcDbContext db)
    {
        var people = await db.InsuredPeople.ToDictionaryAsync(p => p.Id, p => p.IdNumber.Value);
        var bills = await db.ContributionBills.Include(b => b.Lines).Where(b => b.Period == "2027-03").ToListAsync();
        return bills.ToDictionary(b => people[b.PersonId], b => (
            string.Join(',', b.Lines.Where(l => l.Amount != 0).OrderBy(l => l.Payer, StringComparer.Ordinal)
                .Select(l => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{l.Payer}:{l.Amount:0.00}"))),
            b.Trace));
    }

    private static async Task<(BillingRunResult Result, JobView Job)> RunJobAsync(UseCaseHost clerk, string period)
    {
        var queued = await clerk.Send(new StartBillingRunCommand(period));
        Assert.True(await clerk.Services.GetRequiredService<JobWorker>().RunJobAsync(TenantIds.Yulin, queued.Id));
        var job = (await clerk.Send(new GetJobQuery(queued.Id)))!;
        return (BillingRunJobs.ReadResult(job) ?? throw new InvalidOperationException(job.Message), job);
    }

    private static async Task<JobView> QueueBasesAsync(UseCaseHost clerk, string csv)
    {
        var queued = await clerk.Send(new StartBaseImportCommand(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "bases.csv"));
        Assert.Equal(JobKinds.BaseImport, queued.Kind);
        Assert.True(await clerk.Services.GetRequiredService<JobWorker>().RunJobAsync(TenantIds.Yulin, queued.Id));
        return (await clerk.Send(new GetJobQuery(queued.Id)))!;
    }

    private static async Task<BaseImportResult> ImportBasesAsync(UseCaseHost clerk, string csv)
    {
        var job = await QueueBasesAsync(clerk, csv);
        return BaseImportResult.Read(job) ?? throw new InvalidOperationException(job.Message);
    }

    /// <summary>A new database of the collection's cluster, migrated, with Yulin, its chart and the test values of its unset figures.</summary>
    private Task<(string Owner, string App)> FreshYulinAsync(string purpose) => database.FreshYulinDatabaseAsync($"bases_{purpose}");
}
