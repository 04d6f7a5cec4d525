using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Application.Contributions.ListArrears;
using LtcInsurance.Application.Contributions.RecordPayment;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;
using LtcInsurance.Infrastructure.Enrollment;
using LtcInsurance.Infrastructure.Ledger;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Contributions;

[Collection(RegisterDatabaseCollection.Name)]
public sealed class PaymentTests(RegisterDatabase database)
{
    [Fact]
    public async Task A_payment_books_fund_against_receivable_once_and_clears_the_arrear()
    {
        await using var db = database.App(TenantIds.Yulin);
        var (person, bills) = await BilledWorkerAsync(db, "韦缴费", "2027-05");
        var bill = bills["2027-05"];
        await using var payments = database.Host(TenantIds.Yulin);
        Assert.Contains((await payments.Send(new ListArrearsQuery("2027-05", 0, 100))).Items, a => a.BillId == new BillId(bill.Id) && a.Outstanding == 7.50m);

        var first = await payments.Send(new RecordPaymentCommand(new BillId(bill.Id), "YL-R-0001", 7.50m, new DateOnly(2027, 5, 20)));
        var again = await payments.Send(new RecordPaymentCommand(new BillId(bill.Id), "YL-R-0001", 7.50m, new DateOnly(2027, 5, 20)));

        Assert.False(first.AlreadyRecorded);
        Assert.True(again.AlreadyRecorded);
        Assert.Equal(first.JournalSequence, again.JournalSequence);
        Assert.Equal(0m, first.Outstanding);
        Assert.Equal(1, await db.Set<ContributionPayment>().CountAsync(p => p.BillId == bill.Id));
        var sequence = first.JournalSequence.Value;
        Assert.Equal(sequence, (await db.Set<ContributionPayment>().SingleAsync(p => p.BillId == bill.Id)).JournalSequence);
        var postings = await db.Set<JournalPostingRecord>().Where(p => p.Sequence == sequence).ToListAsync();
        Assert.Contains(postings, p => p.AccountCode == StandardChart.FundSpecialAccount && p.Side == "D" && p.Amount == 7.50m);
        Assert.Contains(postings, p => p.AccountCode == StandardChart.ContributionReceivable(Payer.Individual) && p.Side == "C");
        Assert.DoesNotContain((await payments.Send(new ListArrearsQuery("2027-05", 0, 100))).Items, a => a.BillId == new BillId(bill.Id));
        _ = person;
    }

    [Fact]
    public async Task A_payment_above_what_is_outstanding_is_refused()
    {
        await using var db = database.App(TenantIds.Yulin);
        var (_, bills) = await BilledWorkerAsync(db, "韦多缴", "2027-06");
        await using var payments = database.Host(TenantIds.Yulin);
        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            payments.Send(new RecordPaymentCommand(new BillId(bills["2027-06"].Id), "YL-R-0002", 8m, new DateOnly(2027, 6, 3))));
        Assert.Equal("overpayment", refused.Code);
        Assert.Equal(0, await db.Set<ContributionPayment>().CountAsync(p => p.BillId == bills["2027-06"].Id));
    }

    [Fact]
    public async Task An_unpaid_month_interrupts_continuity_for_the_waiting_period()
    {
        await using var db = database.App(TenantIds.Yulin);
        var (person, bills) = await BilledWorkerAsync(db, "韦断缴", "2027-07", "2027-08");
        await using (var payments = database.Host(TenantIds.Yulin))
            await payments.Send(new RecordPaymentCommand(new BillId(bills["2027-07"].Id), "YL-R-0003", 7.50m, new DateOnly(2027, 7, 9)));

        var continuity = await database.Enrollment(db).ContinuityAsync(person.Id, new DateOnly(2027, 10, 15));

        Assert.NotNull(continuity);
        Assert.Equal(new DateOnly(2027, 9, 1), continuity.Since);
        Assert.Equal([new EnrolmentGap(new DateOnly(2027, 8, 1), new DateOnly(2027, 8, 31))], continuity.Gaps);
        Assert.False(continuity.Newborn);
    }

    private async Task<(InsuredPerson Person, Dictionary<string, ContributionBill> Bills)> BilledWorkerAsync(
        Infrastructure.Persistence.LtcDbContext db, string name, params string[] periods)
    {
        var person = await RegisterDatabase.AddPersonAsync(db, name, "450921", new DateOnly(1982, 2, 2),
            MedicalInsuranceScheme.Employee, EmploymentStatus.Employed);
        Assert.True((await database.Enrollment(db).EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2027, 1, 1), MonthlyBase: 5000m))).Enrolled);
        await using (var billing = database.Host(TenantIds.Yulin))
        {
            foreach (var period in periods)
                await billing.Send(new RunBillingCommand(period));
        }

        var bills = await db.Set<ContributionBill>().Where(b => b.PersonId == person.Id).ToDictionaryAsync(b => b.Period);
        return (person, bills);
    }
}
