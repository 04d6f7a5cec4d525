using LtcInsurance.Application.Contributions.RecordPayment;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Application.Ledger.VerifyLedger;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Contributions;

/// <summary>
/// Clerks paying one bill at the same moment (issue #16: four clerks paying one 12.00 bill at once had 48.00 accepted).
/// Each sender is its own host (own scope, DbContext and connection), released together; the bill's row lock must let
/// exactly as many through as the bill has room for, refuse the others with the overpayment rule in Chinese, and leave
/// one journal entry per accepted receipt on an intact chain. Bounded in time; several rounds.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class PaymentConcurrencyTests(RegisterDatabase database)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Four_clerks_paying_the_full_amount_at_once_get_exactly_one_payment_accepted()
    {
        var bills = await BilledWorkerAsync("韦并发全额", "2028-01", "2028-02", "2028-03");
        var round = 0;
        foreach (var bill in bills)
        {
            round++;
            var outcomes = await PayAtOnceAsync(bill, Enumerable.Range(1, 4)
                .Select(i => new RecordPaymentCommand(new BillId(bill.Id), $"YL-C-FULL-{round}-{i}", bill.IndividualDue, new DateOnly(2028, round, 10)))
                .ToList());

            Assert.Single(outcomes, o => o.Accepted is not null);
            AssertRefusedAsOverpayment(outcomes, 3);
            await AssertPaidAndBookedAsync(bill, bill.IndividualDue, accepted: 1);
        }

        await AssertLedgerIntactAsync();
    }

    [Fact]
    public async Task Three_clerks_paying_forty_percent_each_at_once_get_exactly_two_payments_accepted()
    {
        var bills = await BilledWorkerAsync("韦并发分缴", "2028-04", "2028-05", "2028-06");
        var round = 0;
        foreach (var bill in bills)
        {
            round++;
            var part = Math.Round(bill.IndividualDue * 0.4m, 2, MidpointRounding.AwayFromZero);
            Assert.True(part > 0 && 2 * part <= bill.IndividualDue && 3 * part > bill.IndividualDue, "the bill must have room for two parts, not three");
            var outcomes = await PayAtOnceAsync(bill, Enumerable.Range(1, 3)
                .Select(i => new RecordPaymentCommand(new BillId(bill.Id), $"YL-C-PART-{round}-{i}", part, new DateOnly(2028, 3 + round, 10)))
                .ToList());

            Assert.Equal(2, outcomes.Count(o => o.Accepted is not null));
            AssertRefusedAsOverpayment(outcomes, 1);
            Assert.Contains(outcomes, o => o.Accepted is { } a && a.Outstanding == bill.IndividualDue - 2 * part);
            await AssertPaidAndBookedAsync(bill, 2 * part, accepted: 2);
        }

        await AssertLedgerIntactAsync();
    }

    [Fact]
    public async Task The_same_receipt_sent_four_times_at_once_is_recorded_and_booked_once()
    {
        var bills = await BilledWorkerAsync("韦并发同号", "2028-07", "2028-08");
        var round = 0;
        foreach (var bill in bills)
        {
            round++;
            var command = new RecordPaymentCommand(new BillId(bill.Id), $"YL-C-SAME-{round}", bill.IndividualDue, new DateOnly(2028, 6 + round, 10));
            var outcomes = await PayAtOnceAsync(bill, [command, command, command, command]);

            Assert.All(outcomes, o => Assert.Null(o.Failure));
            Assert.Single(outcomes, o => !o.Accepted!.AlreadyRecorded);
            Assert.Single(outcomes.Select(o => o.Accepted!.PaymentId).Distinct());
            Assert.Single(outcomes.Select(o => o.Accepted!.JournalSequence).Distinct());
            await AssertPaidAndBookedAsync(bill, bill.IndividualDue, accepted: 1);
        }

        await AssertLedgerIntactAsync();
    }

    [Fact]
    public async Task A_payment_records_the_clerk_who_took_it_on_the_receipt_and_its_journal_entry()
    {
        var bill = (await BilledWorkerAsync("韦经办", "2028-09")).Single();
        await using (var clerk = database.Host(TenantIds.Yulin, Roles.Clerk))
            await clerk.Send(new RecordPaymentCommand(new BillId(bill.Id), "YL-C-WHO-1", bill.IndividualDue, new DateOnly(2028, 9, 3)));

        await using var db = database.App(TenantIds.Yulin);
        var payment = await db.ContributionPayments.SingleAsync(p => p.BillId == bill.Id);
        Assert.Equal("test.yulin", payment.RecordedBy);
        var entry = await db.JournalEntries.SingleAsync(e => e.Sequence == payment.JournalSequence);
        Assert.Equal("test.yulin", entry.RecordedBy);
    }

    private sealed record Outcome(PaymentRecorded? Accepted, Exception? Failure);

    /// <summary>Sends every command from its own host, all released at once; returns when all have answered (bounded).</summary>
    private async Task<List<Outcome>> PayAtOnceAsync(ContributionBill bill, IReadOnlyList<RecordPaymentCommand> commands)
    {
        var hosts = commands.Select(_ => database.Host(TenantIds.Yulin, Roles.Clerk)).ToList();
        try
        {
            using var ready = new CountdownEvent(commands.Count);
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var senders = commands.Select((command, i) => Task.Run(async () =>
            {
                ready.Signal();
                await go.Task;
                try
                {
                    return new Outcome(await hosts[i].Send(command), null);
                }
                catch (Exception ex) when (ex is BusinessRuleViolationException or Application.Contributions.BillingRefusedException)
                {
                    return new Outcome(null, ex);
                }
            })).ToList();
            Assert.True(ready.Wait(Bound), "the senders did not start");
            go.SetResult();
            var outcomes = await Task.WhenAll(senders).WaitAsync(Bound);
            Assert.Equal(commands.Count, outcomes.Length);
            _ = bill;
            return [.. outcomes];
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
        }
    }

    private static void AssertRefusedAsOverpayment(IReadOnlyList<Outcome> outcomes, int expected)
    {
        var refused = outcomes.Where(o => o.Failure is not null).Select(o => o.Failure).ToList();
        Assert.Equal(expected, refused.Count);
        Assert.All(refused, f =>
        {
            var rule = Assert.IsType<BusinessRuleViolationException>(f);
            Assert.Equal("overpayment", rule.Code);
            Assert.Contains("超过未缴金额", rule.Message, StringComparison.Ordinal);
        });
    }

    private async Task AssertPaidAndBookedAsync(ContributionBill bill, decimal paid, int accepted)
    {
        await using var db = database.App(TenantIds.Yulin);
        var payments = await db.ContributionPayments.Where(p => p.BillId == bill.Id).ToListAsync();
        Assert.Equal(accepted, payments.Count);
        Assert.Equal(paid, payments.Sum(p => p.Amount));
        Assert.True(payments.Sum(p => p.Amount) <= bill.IndividualDue, "a bill was over-paid");
        Assert.All(payments, p => Assert.NotNull(p.JournalSequence));
        var keys = payments.Select(p => ContributionPosting.PaymentKey(TenantIds.Yulin, p.Reference)).ToList();
        var entries = await db.JournalEntries.Where(e => keys.Contains(e.IdempotencyKey)).ToListAsync();
        Assert.Equal(accepted, entries.Count);
        Assert.Equal(payments.Select(p => p.JournalSequence!.Value).Order(), entries.Select(e => e.Sequence).Order());
        var booked = await db.Set<JournalPostingRecord>()
            .Where(p => entries.Select(e => e.Sequence).Contains(p.Sequence) && p.Side == "D").SumAsync(p => p.Amount);
        Assert.Equal(paid, booked);
    }

    private async Task AssertLedgerIntactAsync()
    {
        await using var auditor = database.Host(TenantIds.Yulin, Roles.Auditor);
        var verification = await auditor.Send(new VerifyLedgerQuery());
        Assert.True(verification.IsIntact, verification.FirstBreak?.Detail);
    }

    private async Task<List<ContributionBill>> BilledWorkerAsync(string name, params string[] periods)
    {
        await using var db = database.App(TenantIds.Yulin);
        var person = await RegisterDatabase.AddPersonAsync(db, name, "450921", new DateOnly(1982, 2, 2),
            MedicalInsuranceScheme.Employee, EmploymentStatus.Employed);
        Assert.True((await database.Enrollment(db).EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2027, 1, 1), MonthlyBase: 5000m))).Enrolled);
        await using (var billing = database.Host(TenantIds.Yulin))
        {
            foreach (var period in periods)
                await billing.Send(new RunBillingCommand(period));
        }

        var bills = await db.ContributionBills.Where(b => b.PersonId == person.Id).OrderBy(b => b.Period).ToListAsync();
        Assert.Equal(periods.Length, bills.Count);
        Assert.All(bills, b => Assert.True(b.IndividualDue > 0));
        return bills;
    }
}
