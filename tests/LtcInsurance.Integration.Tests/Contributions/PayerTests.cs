using System.Diagnostics;
using System.Text;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Contributions;
using LtcInsurance.Application.Contributions.ExportCollectionErrors;
using LtcInsurance.Application.Contributions.ExportReceivables;
using LtcInsurance.Application.Contributions.GetCollectionImport;
using LtcInsurance.Application.Contributions.ListReceivables;
using LtcInsurance.Application.Contributions.RecordPayment;
using LtcInsurance.Application.Contributions.RecordTransfer;
using LtcInsurance.Application.Contributions.StartCollectionImport;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Ledger.GetTrialBalance;
using LtcInsurance.Application.Ledger.VerifyLedger;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LtcInsurance.Integration.Tests.Contributions;

/// <summary>Payments from every payer (issue #11 item 3): transfers, the tax bureau's collection file, arrears per payer and region, pension withholding.</summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class PayerTests(RegisterDatabase database, ITestOutputHelper output)
{
    private const string Ren = "370811";
    private const string Yan = "370812";

    private static int _birthDay;

    /// <summary>People of Jining with a bill of <paramref name="period"/> each (individual 100, medical fund 50), written directly.</summary>
    private static async Task<List<(InsuredPerson Person, ContributionBill Bill)>> BilledAsync(LtcDbContext db, string period, int count,
        Func<int, string>? region = null, EmploymentStatus employment = EmploymentStatus.NotEmployed)
    {
        var first = Interlocked.Add(ref _birthDay, count / 999 + 1) - (count / 999 + 1);
        var made = new List<(InsuredPerson, ContributionBill)>();
        for (var i = 0; i < count; i++)
        {
            var code = region?.Invoke(i) ?? Ren;
            var birth = new DateOnly(1921, 1, 1).AddDays(first + i / 999);
            var person = InsuredPerson.Register(db.CurrentTenantId!, IdNumber.Create(code, birth, i % 999 + 1), "征收" + i, Sex.Male,
                birth, code, MedicalInsuranceScheme.Resident, employment, DateTimeOffset.UtcNow);
            var bill = ContributionBill.Issue(db.CurrentTenantId!, period, person.Id, SchemeKinds.Resident, code,
                [new ContributionLine(Payer.Codes.Individual, 100m), new ContributionLine(Payer.Codes.MedicalFund, 50m)], "{}",
                DateTimeOffset.UtcNow);
            made.Add((person, bill));
        }

        db.InsuredPeople.AddRange(made.Select(m => m.Item1));
        await db.SaveChangesAsync();
        db.ContributionBills.AddRange(made.Select(m => m.Item2));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return made;
    }

    private static MemoryStream Csv(IEnumerable<string> lines) =>
        new(new UTF8Encoding(true).GetBytes(string.Join("\r\n", ["收款凭证号,身份证号码,期间,金额", .. lines]) + "\r\n"));

    private static async Task<CollectionImportView> ImportAsync(UseCaseHost host, Stream file)
    {
        var queued = await host.Send(new StartCollectionImportCommand(file, "征收明细.csv"));
        Assert.Equal("queued", queued.Status);
        Assert.True(await host.Services.GetRequiredService<JobWorker>().RunJobAsync(TenantIds.Jining, queued.Id));
        return (await host.Send(new GetCollectionImportQuery(queued.Id)))!;
    }

    [Fact]
    public async Task A_ten_thousand_receipt_collection_file_applied_twice_writes_once()
    {
        await using var db = database.App(TenantIds.Jining);
        var setup = Stopwatch.StartNew();
        var billed = await BilledAsync(db, "2031", 10_000, i => i % 2 == 0 ? Ren : Yan);
        output.WriteLine($"setup: {setup.Elapsed.TotalSeconds:0.0} s");
        var lines = billed.Select((b, i) => $"TAX-2031-{i:D5},{b.Person.IdNumber.Value},2031,100.00").ToList();
        await using var host = database.Host(TenantIds.Jining);
        var entriesBefore = await db.Set<JournalEntryRecord>().CountAsync();

        var watch = Stopwatch.StartNew();
        var first = await ImportAsync(host, Csv(lines));
        output.WriteLine($"first import: {watch.Elapsed.TotalSeconds:0.0} s");
        watch.Restart();
        var second = await ImportAsync(host, Csv(lines));
        output.WriteLine($"second import: {watch.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal(("completed", 10_000, 10_000, 0, 0), (first.Status, first.TotalRows, first.RecordedRows, first.AlreadyRecordedRows, first.ErrorRows));
        Assert.Equal(1_000_000m, first.RecordedAmount);
        Assert.Equal(("completed", 0, 10_000, 0), (second.Status, second.RecordedRows, second.AlreadyRecordedRows, second.ErrorRows));
        Assert.Equal(10_000, await db.ContributionPayments.CountAsync(p => p.Reference.StartsWith("TAX-2031-")));
        Assert.Equal(10_000, await db.ContributionPayments.CountAsync(p => p.Reference.StartsWith("TAX-2031-")
                                                                           && p.Method == PaymentMethods.TaxCollection && p.JournalSequence != null));
        Assert.Equal(entriesBefore + 10_000, await db.Set<JournalEntryRecord>().CountAsync());
        Assert.Equal(10_000, await db.Set<JournalEntryRecord>().CountAsync(e => e.IdempotencyKey.StartsWith("contribution-payment:jining:TAX-2031-")));
        // The fund's bank account (the region's sub-account where the chart keeps one) received every receipt once.
        var bank = await db.Set<JournalPostingRecord>().Where(p => p.AccountCode.StartsWith(StandardChart.FundSpecialAccount) && p.Side == "D")
            .Join(db.Set<JournalEntryRecord>().Where(e => e.IdempotencyKey.StartsWith("contribution-payment:jining:TAX-2031-")),
                p => p.Sequence, e => e.Sequence, (p, _) => p.Amount).SumAsync();
        Assert.Equal(1_000_000m, bank);
        watch.Restart();
        var arrears = await host.Send(new ListReceivablesQuery("2031", OutstandingOnly: true, Payer: Payer.Codes.Individual));
        output.WriteLine($"receivables: {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.Empty(arrears);
        watch.Restart();
        Assert.True((await host.Send(new VerifyLedgerQuery())).IsIntact);
        output.WriteLine($"verify: {watch.Elapsed.TotalSeconds:0.0} s");
        watch.Restart();
        Assert.True((await host.Send(new GetTrialBalanceQuery())).IsBalanced);
        output.WriteLine($"trial balance: {watch.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Refused_rows_are_reported_with_their_reasons_and_nothing_of_them_is_written()
    {
        await using var db = database.App(TenantIds.Jining);
        var billed = await BilledAsync(db, "2032", 4);
        var stranger = IdNumber.Create(Ren, new DateOnly(1922, 6, 6), 7).Value;
        await using var host = database.Host(TenantIds.Jining);
        // A counter receipt took reference R-USED for the fourth person's bill.
        await host.Send(new RecordPaymentCommand(new BillId(billed[3].Bill.Id), "ERR-2032-USED", 10m, DateOnly.FromDateTime(DateTime.UtcNow)));
        var entriesBefore = await db.Set<JournalEntryRecord>().CountAsync();
        var id = (int i) => billed[i].Person.IdNumber.Value;
        string[] rows =
        [
            $"ERR-2032-1,{id(0)},2032,100",          // 2: recorded
            $"ERR-2032-2,12345,2032,100",            // 3: bad ID number
            $"ERR-2032-3,{stranger},2032,100",       // 4: not registered
            $"ERR-2032-4,{id(1)},2033,100",          // 5: no bill of that period
            $"ERR-2032-5,{id(1)},2032,100.01",       // 6: above what is owed
            $"ERR-2032-1,{id(2)},2032,50",           // 7: reference repeated in the file
            $"ERR-2032-6,{id(2)},2032,abc",          // 8: not an amount
            $"ERR-2032-USED,{id(2)},2032,50",        // 9: reference used for another payment
            $"ERR-2032-7,{id(2)},2032,60",           // 10: recorded
            $"ERR-2032-8,{id(2)},2032,40.01",        // 11: above what is left after row 10
        ];

        var import = await ImportAsync(host, Csv(rows));

        Assert.Equal(("completed", 10, 2, 8), (import.Status, import.TotalRows, import.RecordedRows, import.ErrorRows));
        var errors = await db.Set<CollectionImportError>().Where(e => e.ImportId == import.Id).OrderBy(e => e.RowNumber).ToListAsync();
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 11], errors.Select(e => e.RowNumber));
        Assert.Contains("身份证号码", errors[0].Message);
        Assert.Contains("查无此参保人", errors[1].Message);
        Assert.Contains("没有 2033 的缴费单", errors[2].Message);
        Assert.Contains("超过未缴金额", errors[3].Message);
        Assert.Contains("第 2 行重复", errors[4].Message);
        Assert.Contains("金额", errors[5].Message);
        Assert.Contains("已用于另一笔缴费", errors[6].Message);
        Assert.Contains("超过未缴金额 40.00", errors[7].Message);
        Assert.Equal(["ERR-2032-1", "ERR-2032-7"],
            await db.ContributionPayments.Where(p => p.Reference.StartsWith("ERR-2032-") && p.Reference != "ERR-2032-USED")
                .OrderBy(p => p.Reference).Select(p => p.Reference).ToListAsync());
        Assert.Equal(entriesBefore + 2, await db.Set<JournalEntryRecord>().CountAsync());
        var report = await host.Send(new ExportCollectionErrorsQuery(import.Id, ExportFormat.Csv));
        var text = Encoding.UTF8.GetString(report.Content.Span);
        Assert.Contains("查无此参保人", text);
        Assert.Contains(stranger, text);
    }

    [Fact]
    public async Task A_transfer_settles_the_periods_receivable_across_regions_in_one_entry()
    {
        await using var db = database.App(TenantIds.Jining);
        await BilledAsync(db, "2033", 5, i => i < 3 ? Ren : Yan);
        await using var host = database.Host(TenantIds.Jining);
        var before = await host.Send(new ListReceivablesQuery("2033", Payer: Payer.Codes.MedicalFund));
        Assert.Equal([(Ren, 150m, 0m), (Yan, 100m, 0m)], before.Select(r => (r.RegionCode, r.Due, r.Settled)));
        var entries = await db.Set<JournalEntryRecord>().CountAsync();
        var on = DateOnly.FromDateTime(DateTime.UtcNow);

        var part = await host.Send(new RecordTransferCommand("2033", Payer.Codes.MedicalFund, 125m, "YB-2033-01", on));
        var again = await host.Send(new RecordTransferCommand("2033", Payer.Codes.MedicalFund, 125m, "YB-2033-01", on));
        var over = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            host.Send(new RecordTransferCommand("2033", Payer.Codes.MedicalFund, 125.01m, "YB-2033-02", on)));
        var rest = await host.Send(new RecordTransferCommand("2033", Payer.Codes.MedicalFund, 125m, "YB-2033-02", on));
        await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.Send(new RecordTransferCommand("2033", Payer.Codes.Individual, 1m, "YB-2033-03", on)));

        Assert.False(part.AlreadyRecorded);
        Assert.True(again.AlreadyRecorded);
        Assert.Equal(part.JournalSequence, again.JournalSequence);
        Assert.Equal("overpayment", over.Code);
        Assert.Equal([(Ren, 75m), (Yan, 50m)], part.Regions.Select(r => (r.RegionCode, r.Amount)));
        Assert.Equal(0m, rest.Outstanding);
        Assert.Equal(entries + 2, await db.Set<JournalEntryRecord>().CountAsync());
        var postings = await db.Set<JournalPostingRecord>().Where(p => p.Sequence == part.JournalSequence).ToListAsync();
        Assert.Equal(4, postings.Count);
        // One debit of the bank and one credit of the fund's receivable per region (the region's sub-accounts where the chart keeps them).
        Assert.Equal([("D", 75m), ("C", 75m), ("D", 50m), ("C", 50m)], postings.OrderBy(p => p.Line).Select(p => (p.Side, p.Amount)));
        Assert.All(postings.Where(p => p.Side == "D"), p => Assert.StartsWith(StandardChart.FundSpecialAccount, p.AccountCode));
        Assert.All(postings.Where(p => p.Side == "C"), p => Assert.StartsWith(StandardChart.ContributionReceivable(Payer.MedicalFund), p.AccountCode));
        Assert.DoesNotContain(await host.Send(new ListReceivablesQuery("2033", OutstandingOnly: true)), r => r.Payer == Payer.Codes.MedicalFund);
        Assert.True((await host.Send(new VerifyLedgerQuery())).IsIntact);
        Assert.True((await host.Send(new GetTrialBalanceQuery())).IsBalanced);
    }

    [Fact]
    public async Task Arrears_are_told_per_payer_and_per_region()
    {
        await using var db = database.App(TenantIds.Jining);
        var billed = await BilledAsync(db, "2034", 4, i => i < 2 ? Ren : Yan);
        await using var host = database.Host(TenantIds.Jining);
        var on = DateOnly.FromDateTime(DateTime.UtcNow);
        await host.Send(new RecordPaymentCommand(new BillId(billed[0].Bill.Id), "AR-2034-1", 100m, on));
        await host.Send(new RecordPaymentCommand(new BillId(billed[2].Bill.Id), "AR-2034-2", 30m, on));
        await host.Send(new RecordTransferCommand("2034", Payer.Codes.MedicalFund, 100m, "AR-2034-YB", on));

        var arrears = await host.Send(new ListReceivablesQuery("2034", OutstandingOnly: true));

        Assert.Equal(
            [(Payer.Codes.Individual, Ren, 200m, 100m), (Payer.Codes.Individual, Yan, 200m, 30m),
             (Payer.Codes.MedicalFund, Ren, 100m, 50m), (Payer.Codes.MedicalFund, Yan, 100m, 50m)],
            arrears.Select(a => (a.Payer, a.RegionCode, a.Due, a.Settled)));
        Assert.Equal(370m, arrears.Sum(a => a.Outstanding));
        var file = await host.Send(new ExportReceivablesQuery("2034", true, ExportFormat.Csv));
        var text = Encoding.UTF8.GetString(file.Content.Span);
        Assert.Contains("医保统筹基金划转", text);
        Assert.Contains("170.00", text);
    }

    [Fact]
    public async Task Pension_withholding_is_recorded_for_retirees_where_the_city_provides_it_and_refused_elsewhere()
    {
        await using var jining = database.App(TenantIds.Jining);
        var retiree = (await BilledAsync(jining, "2035", 1, employment: EmploymentStatus.Retired))[0];
        await using var jiningHost = database.Host(TenantIds.Jining);
        var on = DateOnly.FromDateTime(DateTime.UtcNow);
        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => jiningHost.Send(
            new RecordPaymentCommand(new BillId(retiree.Bill.Id), "WH-JN-1", 100m, on, PaymentMethods.PensionWithholding)));
        Assert.Equal("withholding_not_allowed", refused.Code);

        await using var yulin = database.App(TenantIds.Yulin);
        var person = await RegisterDatabase.AddPersonAsync(yulin, "韦代扣", "450921", new DateOnly(1955, 3, 3),
            MedicalInsuranceScheme.Employee, EmploymentStatus.Retired);
        var worker = await RegisterDatabase.AddPersonAsync(yulin, "韦在职", "450921", new DateOnly(1982, 3, 3),
            MedicalInsuranceScheme.Employee, EmploymentStatus.Employed);
        Assert.True((await database.Enrollment(yulin).EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2027, 1, 1), MonthlyBase: 3000m))).Enrolled);
        Assert.True((await database.Enrollment(yulin).EnrollAsync(new EnrollRequest(worker.Id, new DateOnly(2027, 1, 1), MonthlyBase: 5000m))).Enrolled);
        await using var host = database.Host(TenantIds.Yulin);
        await host.Send(new Application.Contributions.RunBilling.RunBillingCommand("2027-11"));
        var bills = await yulin.ContributionBills.Where(b => b.Period == "2027-11" && (b.PersonId == person.Id || b.PersonId == worker.Id))
            .ToDictionaryAsync(b => b.PersonId);

        var withheld = await host.Send(new RecordPaymentCommand(new BillId(bills[person.Id].Id), "WH-YL-1", bills[person.Id].IndividualDue,
            new DateOnly(2027, 11, 15), PaymentMethods.PensionWithholding));
        var notRetired = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => host.Send(new RecordPaymentCommand(
            new BillId(bills[worker.Id].Id), "WH-YL-2", bills[worker.Id].IndividualDue, new DateOnly(2027, 11, 15), PaymentMethods.PensionWithholding)));

        Assert.Equal(4.50m, bills[person.Id].IndividualDue);
        Assert.Equal(0m, withheld.Outstanding);
        Assert.Equal(PaymentMethods.PensionWithholding, (await yulin.ContributionPayments.SingleAsync(p => p.Reference == "WH-YL-1")).Method);
        Assert.Contains("养老金代扣", (await yulin.Set<JournalEntryRecord>().SingleAsync(e => e.Sequence == withheld.JournalSequence.Value)).Description);
        Assert.Equal("withholding_not_allowed", notRetired.Code);
        Assert.False(await yulin.ContributionPayments.AnyAsync(p => p.Reference == "WH-YL-2"));
    }
}
