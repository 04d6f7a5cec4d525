using LtcInsurance.Application.Contributions;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Contributions;

[Collection(RegisterDatabaseCollection.Name)]
public sealed class BillingRunTests(RegisterDatabase database)
{
    [Fact]
    public async Task Shishi_yearly_run_totals_equal_the_engine_per_person_and_the_ledger_income()
    {
        await using var db = database.App(TenantIds.Shishi);
        var enrollment = database.Enrollment(db);
        foreach (var (name, status) in new[] { ("石甲", PersonStatus.Dibao), ("石乙", PersonStatus.Tekun), ("石丙", PersonStatus.Bianyuan) })
        {
            var person = await RegisterDatabase.AddPersonAsync(db, name, "350581", new DateOnly(1955, 2, 1), statuses: status);
            Assert.True((await enrollment.EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2030, 7, 1)))).Enrolled);
        }

        var incomeBefore = await RegisterDatabase.IncomeAsync(db);
        var result = await RunAsync(db, "2031");

        var bills = await db.Set<ContributionBill>().Include(b => b.Lines).Where(b => b.Period == "2031").ToListAsync();
        Assert.True(bills.Count >= 3);
        Assert.Equal(bills.Count, result.BillsCreated);
        // Each bill recomputed independently through the engine from the register, summed per payer.
        var expected = new Dictionary<string, decimal>();
        foreach (var bill in bills)
        {
            var person = await db.InsuredPeople.SingleAsync(p => p.Id == bill.PersonId);
            var statuses = await db.Set<PersonStatusPeriod>().Where(s => s.PersonId == person.Id).Select(s => s.Status).ToListAsync();
            var engine = (ContributionResult)database.Calculator.Evaluate(new PolicyCase(CaseKinds.Contribution, TenantIds.Shishi,
                new DateOnly(2031, 1, 1),
                new ContributionInput(new Person(person.BirthDate, person.RegionCode, MedicalInsuranceScheme.Resident, EmploymentStatus.NotEmployed, statuses),
                    null, new ContributionPeriod(new DateOnly(2031, 1, 1), new DateOnly(2031, 12, 31), true), null, null),
                new Dictionary<string, object?>())).Result;
            Assert.Equal(engine.Total, bill.Total);
            foreach (var line in engine.Lines)
                expected[line.Payer] = expected.GetValueOrDefault(line.Payer) + line.Amount;
        }

        Assert.Equal(expected.Where(e => e.Value != 0).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value)),
            result.Totals.ByPayer.Select(p => (p.Payer, p.Amount)));
        Assert.Equal(380m * bills.Count, result.Totals.Total);
        Assert.Contains("SS 二(三)", bills[0].Trace, StringComparison.Ordinal);

        var incomeAfter = await RegisterDatabase.IncomeAsync(db);
        foreach (var payer in result.Totals.ByPayer)
        {
            var code = StandardChart.ContributionIncome(Payer.FromCode(payer.Payer));
            Assert.Equal(payer.Amount, incomeAfter.GetValueOrDefault(code) - incomeBefore.GetValueOrDefault(code));
        }
    }

    [Fact]
    public async Task An_entry_lists_every_bill_it_booked_page_by_page_and_another_city_sees_none()
    {
        await using var db = database.App(TenantIds.Shishi);
        var enrollment = database.Enrollment(db);
        var people = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var person = await RegisterDatabase.AddPersonAsync(db, "石账" + i, "350581", new DateOnly(1950, 3, 1), statuses: PersonStatus.Dibao);
            Assert.True((await enrollment.EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2032, 1, 1)))).Enrolled);
            people.Add(person.Id);
        }

        await RunAsync(db, "2032");

        // One region, one batch: the run booked one entry for these people's bills (sums per payer).
        var mine = await db.Set<ContributionBill>().AsNoTracking().Where(b => b.Period == "2032" && people.Contains(b.PersonId)).ToListAsync();
        Assert.Equal(5, mine.Count);
        var sequence = Assert.Single(mine.Select(b => b.JournalSequence!.Value).Distinct());
        var booked = await db.Set<ContributionBill>().AsNoTracking().Where(b => b.JournalSequence == sequence).ToListAsync();
        await using var auditor = database.Host(TenantIds.Shishi, Application.Security.Roles.Auditor);
        var listed = new List<Application.Ledger.ListEntryBills.EntryBillRow>();
        var first = await auditor.Send(new Application.Ledger.ListEntryBills.ListEntryBillsQuery(new EntrySequence(sequence), 1, 2));
        for (var page = 1; page <= first.PageCount; page++)
            listed.AddRange((await auditor.Send(new Application.Ledger.ListEntryBills.ListEntryBillsQuery(new EntrySequence(sequence), page, 2))).Rows);

        Assert.Equal(booked.Count, first.Total);
        Assert.Equal((booked.Count + 1) / 2, first.PageCount);
        Assert.Equal(booked.Select(b => b.Id).Order(), listed.Select(r => r.BillId.Value).Order());
        Assert.All(listed, r => Assert.False(string.IsNullOrEmpty(r.PersonName)));
        Assert.Equal(booked.Sum(b => b.Total), first.Amount);
        var entry = (await auditor.Send(new Application.Ledger.GetJournalEntry.GetJournalEntryQuery(new EntrySequence(sequence))))!;
        Assert.Equal(entry.Entry.TotalDebits, first.Amount);
        // From the entry to each bill and its trace; a bill is not found under another entry.
        var source = await auditor.Send(new Application.Ledger.GetEntrySource.GetEntrySourceQuery(new EntrySequence(sequence), new BillId(mine[0].Id)));
        Assert.Equal(mine[0].PersonId, source!.PersonId.Value);
        Assert.Null(await auditor.Send(new Application.Ledger.GetEntrySource.GetEntrySourceQuery(new EntrySequence(sequence + 1), new BillId(mine[0].Id))));
        // Another city's entry of the same number lists only that city's bills.
        await using var zhenjiang = database.Host(TenantIds.Zhenjiang, Application.Security.Roles.Auditor);
        var other = await zhenjiang.Send(new Application.Ledger.ListEntryBills.ListEntryBillsQuery(new EntrySequence(sequence), 1, 500));
        Assert.DoesNotContain(other.Rows, r => booked.Any(b => b.Id == r.BillId.Value));
    }

    [Fact]
    public async Task Running_the_same_period_twice_creates_no_bill_and_posts_nothing()
    {
        await using var db = database.App(TenantIds.Jining);
        var person = await RegisterDatabase.AddPersonAsync(db, "孔居民", "370811", new DateOnly(1948, 8, 8));
        Assert.True((await database.Enrollment(db).EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2029, 1, 1)))).Enrolled);
        var first = await RunAsync(db, "2029");
        Assert.True(first.BillsCreated >= 1);
        Assert.InRange(first.EntriesPosted, 1, first.BillsCreated);
        var entries = await RegisterDatabase.EntryCountAsync(db);
        var bills = await db.Set<ContributionBill>().CountAsync();

        var second = await RunAsync(db, "2029");

        Assert.Equal(0, second.BillsCreated);
        Assert.Equal(first.BillsCreated, second.BillsAlreadyPresent);
        Assert.Equal(0, second.EntriesPosted);
        Assert.Equal(entries, await RegisterDatabase.EntryCountAsync(db));
        Assert.Equal(bills, await db.Set<ContributionBill>().CountAsync());
        Assert.Equal(first.Totals.Total, second.Totals.Total);
        Assert.Equal(first.Totals.ByPayer, second.Totals.ByPayer);
    }

    [Fact]
    public async Task Zhenjiang_refuses_while_its_shares_are_not_set_and_writes_nothing()
    {
        await using var db = database.App(TenantIds.Zhenjiang);
        var person = await RegisterDatabase.AddPersonAsync(db, "赵职工", "321102", new DateOnly(1975, 4, 4),
            MedicalInsuranceScheme.Employee, EmploymentStatus.Employed);
        Assert.True((await database.Enrollment(db).EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2030, 1, 1)))).Enrolled);
        var entries = await RegisterDatabase.EntryCountAsync(db);

        var refused = await Assert.ThrowsAsync<BillingRefusedException>(() => RunAsync(db, "2030"));

        Assert.Equal(ErrorCodes.ParameterMissing, refused.Code);
        Assert.Contains("缺少参数", refused.Message, StringComparison.Ordinal);
        Assert.Contains("ZJ 二(三)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Set<ContributionBill>().CountAsync(b => b.Period == "2030"));
        Assert.Equal(entries, await RegisterDatabase.EntryCountAsync(db));
    }

    [Fact]
    public async Task Yuzhong_refuses_while_the_city_wide_shares_are_not_set()
    {
        await using var db = database.App(TenantIds.Yuzhong);
        var person = await RegisterDatabase.AddPersonAsync(db, "渝职工", "500103", new DateOnly(1966, 6, 6),
            MedicalInsuranceScheme.Employee, EmploymentStatus.Employed);
        Assert.True((await database.Enrollment(db).EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2028, 1, 1)))).Enrolled);

        var refused = await Assert.ThrowsAsync<BillingRefusedException>(() => RunAsync(db, "2028"));

        Assert.Equal(ErrorCodes.ParameterMissing, refused.Code);
        Assert.Contains("YZ 二、三", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Set<ContributionBill>().CountAsync());
    }

    [Fact]
    public async Task Yulin_bills_by_month_rate_on_wage_and_nothing_for_a_minor()
    {
        await using var db = database.App(TenantIds.Yulin);
        var enrollment = database.Enrollment(db);
        var worker = await RegisterDatabase.AddPersonAsync(db, "韦职工", "450902", new DateOnly(1980, 1, 1),
            MedicalInsuranceScheme.Employee, EmploymentStatus.Employed);
        Assert.True((await enrollment.EnrollAsync(new EnrollRequest(worker.Id, new DateOnly(2027, 1, 1), MonthlyBase: 5000m))).Enrolled);
        var child = await RegisterDatabase.AddPersonAsync(db, "韦幼", "450902", new DateOnly(2021, 1, 1));
        // YL 一(二): the resident scheme, under which a minor would be deemed insured (二(三)6), has not started
        var refused = await enrollment.EnrollAsync(new EnrollRequest(child.Id, new DateOnly(2027, 1, 1)));
        Assert.False(refused.Enrolled);

        var wrongUnit = await Assert.ThrowsAsync<BillingRefusedException>(() => RunAsync(db, "2027"));
        Assert.Contains("YYYY-MM", wrongUnit.Message, StringComparison.Ordinal);

        await RunAsync(db, "2027-03");

        var workerBill = await db.Set<ContributionBill>().Include(b => b.Lines).SingleAsync(b => b.PersonId == worker.Id && b.Period == "2027-03");
        // YL 二(三)1: 0.15% of 5000 from the employer and 0.15% from the employee, each rounded
        Assert.Equal(7.50m, workerBill.Lines.Single(l => l.Payer == Payers.Employer).Amount);
        Assert.Equal(7.50m, workerBill.IndividualDue);
        Assert.NotNull(workerBill.JournalSequence);
        Assert.False(await db.Set<ContributionBill>().AnyAsync(b => b.PersonId == child.Id));
    }

    /// <summary>The run as the billing page sends it, for the tenant of <paramref name="db"/>.</summary>
    private async Task<BillingRunResult> RunAsync(LtcDbContext db, string period)
    {
        await using var host = database.Host(db.CurrentTenantId!);
        return await host.Send(new RunBillingCommand(period));
    }
}
