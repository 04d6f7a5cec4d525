using System.Text;
using LtcInsurance.Application.Contributions.RecordPayment;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Application.Import.StartRegisterImport;
using LtcInsurance.Application.Ledger.AddAccount;
using LtcInsurance.Application.Ledger.RenameAccount;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Tenancy;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Contributions;

/// <summary>
/// Issue #16, accountability: each business action keeps the signed-in user, and a bill or payment once written cannot
/// be changed by the application role (grants) nor, apart from noting its posting once, by anyone (triggers).
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class AccountabilityTests(RegisterDatabase database)
{
    [Theory]
    [InlineData("UPDATE contribution_bills SET individual_due = 0 WHERE id = '{bill}'")]
    [InlineData("UPDATE contribution_bills SET total = total + 1, journal_sequence = journal_sequence WHERE id = '{bill}'")]
    [InlineData("DELETE FROM contribution_bills WHERE id = '{bill}'")]
    [InlineData("UPDATE contribution_bill_lines SET amount = 0 WHERE bill_id = '{bill}'")]
    [InlineData("DELETE FROM contribution_bill_lines WHERE bill_id = '{bill}'")]
    [InlineData("UPDATE contribution_payments SET amount = 0.01 WHERE id = '{payment}'")]
    [InlineData("UPDATE contribution_payments SET recorded_by = 'someone.else' WHERE id = '{payment}'")]
    [InlineData("DELETE FROM contribution_payments WHERE id = '{payment}'")]
    [InlineData("TRUNCATE contribution_payments")]
    public async Task The_application_role_cannot_change_or_delete_a_bill_or_a_payment(string template)
    {
        var (bill, payment) = await PaidBillAsync("韦不可改" + Guid.NewGuid().ToString("N")[..4]);

        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(database.Server.AppConnectionString, Sql(template, bill, payment)));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        await AssertUnchangedAsync(bill, payment);
    }

    [Theory]
    [InlineData("UPDATE contribution_bills SET journal_sequence = journal_sequence + 1 WHERE id = '{bill}'")]
    [InlineData("UPDATE contribution_payments SET journal_sequence = NULL WHERE id = '{payment}'")]
    public async Task The_journal_sequence_once_noted_cannot_be_changed_even_where_the_column_may_be_updated(string template)
    {
        var (bill, payment) = await PaidBillAsync("韦记账号" + Guid.NewGuid().ToString("N")[..4]);

        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(database.Server.AppConnectionString, Sql(template, bill, payment)));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("written once", refused.MessageText, StringComparison.Ordinal); // the trigger, not the grant
        await AssertUnchangedAsync(bill, payment);
    }

    [Fact]
    public async Task Even_the_owner_cannot_change_a_payment_while_the_triggers_stand()
    {
        var (bill, payment) = await PaidBillAsync("韦所有者");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database.Server.OwnerConnectionString,
            $"UPDATE contribution_payments SET amount = 0.01 WHERE id = '{payment.Id}'"));

        Assert.Contains("written once", refused.MessageText, StringComparison.Ordinal);
        await AssertUnchangedAsync(bill, payment);
    }

    [Fact]
    public async Task A_billing_run_records_who_ran_it_when_and_what_it_did()
    {
        await using var db = database.App(TenantIds.Yulin);
        var person = await WorkerAsync(db, "韦核定人");
        await using (var clerk = database.Host(TenantIds.Yulin, Roles.Clerk))
        {
            var result = await clerk.Send(new RunBillingCommand("2028-11"));
            var again = await clerk.Send(new RunBillingCommand("2028-11"));
            Assert.True(result.BillsCreated >= 1);
            Assert.Equal(0, again.BillsCreated);
        }

        var runs = await db.Set<BillingRun>().Where(r => r.Period == "2028-11").ToListAsync();
        // The second run wrote nothing: it leaves a record only as a warning (other people of the shared register skipped).
        var run = Assert.Single(runs, r => r.BillsCreated > 0);
        Assert.All(runs.Where(r => r.Id != run.Id), r => Assert.True(r.BillsCreated == 0 && r.PeopleSkipped > 0));
        Assert.Equal(("test.yulin", TenantIds.Yulin), (run.RunBy, run.TenantId));
        Assert.Equal(await db.ContributionBills.CountAsync(b => b.Period == "2028-11"), run.BillsCreated);
        Assert.True(run.EntriesPosted >= 1);
        Assert.InRange(run.RunAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.True(await db.ContributionBills.AnyAsync(b => b.PersonId == person.Id && b.Period == "2028-11"));
        var sequence = await db.ContributionBills.Where(b => b.PersonId == person.Id && b.Period == "2028-11").Select(b => b.JournalSequence).SingleAsync();
        var entry = await db.JournalEntries.FirstAsync(e => e.Sequence == sequence);
        Assert.Equal("test.yulin", entry.RecordedBy);
    }

    [Fact]
    public async Task An_import_records_who_started_it()
    {
        await using var clerk = database.Host(TenantIds.Jining, Roles.Clerk);
        var job = await clerk.Send(new StartRegisterImportCommand(new MemoryStream(Encoding.UTF8.GetBytes("姓名,所在地区\r\n孔,370811\r\n")), "who.csv"));

        await using var db = database.App(TenantIds.Jining);
        Assert.Equal("test.jining", (await db.ImportJobs.SingleAsync(j => j.Id == job.Id)).CreatedBy);
    }

    [Fact]
    public async Task Adding_and_renaming_an_account_records_who_did_it_and_the_names()
    {
        await using (var admin = database.Host(TenantIds.Yulin, Roles.Admin))
        {
            Assert.True((await admin.Send(new AddAccountCommand("1209", "暂付款", AccountType.Asset, null))).Succeeded);
            Assert.True((await admin.Send(new RenameAccountCommand("1209", "暂付款项"))).Succeeded);
            Assert.True((await admin.Send(new RenameAccountCommand("1209", "暂付款项"))).Succeeded); // same name: no change
        }

        await using var db = database.App(TenantIds.Yulin);
        var changes = await db.Set<LedgerAccountChangeRecord>().Where(c => c.AccountCode == "1209").OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(
            [(LedgerAccountChangeRecord.Added, (string?)null, "暂付款", "test.yulin"),
             (LedgerAccountChangeRecord.Renamed, "暂付款", "暂付款项", "test.yulin")],
            changes.Select(c => (c.Change, c.OldName, c.NewName, c.ChangedBy)));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database.Server.AppConnectionString,
            "UPDATE ledger_account_changes SET changed_by = 'nobody'"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    private static string Sql(string template, ContributionBill bill, ContributionPayment payment) =>
        template.Replace("{bill}", bill.Id.ToString(), StringComparison.Ordinal)
            .Replace("{payment}", payment.Id.ToString(), StringComparison.Ordinal);

    private async Task AssertUnchangedAsync(ContributionBill bill, ContributionPayment payment)
    {
        await using var db = database.App(TenantIds.Yulin);
        var now = await db.ContributionBills.AsNoTracking().Include(b => b.Lines).Include(b => b.Payments).SingleAsync(b => b.Id == bill.Id);
        Assert.Equal((bill.Total, bill.IndividualDue, bill.JournalSequence, bill.Lines.Count),
            (now.Total, now.IndividualDue, now.JournalSequence, now.Lines.Count));
        var stored = Assert.Single(now.Payments);
        Assert.Equal((payment.Id, payment.Amount, payment.JournalSequence, "test.yulin"),
            (stored.Id, stored.Amount, stored.JournalSequence, stored.RecordedBy));
    }

    private async Task<(ContributionBill Bill, ContributionPayment Payment)> PaidBillAsync(string name)
    {
        await using var db = database.App(TenantIds.Yulin);
        var person = await WorkerAsync(db, name);
        await using (var clerk = database.Host(TenantIds.Yulin, Roles.Clerk))
        {
            await clerk.Send(new RunBillingCommand("2028-10"));
            var bill = await db.ContributionBills.AsNoTracking().SingleAsync(b => b.PersonId == person.Id && b.Period == "2028-10");
            await clerk.Send(new RecordPaymentCommand(new BillId(bill.Id), "YL-ACC-" + Guid.NewGuid().ToString("N")[..10],
                bill.IndividualDue - 0.50m, new DateOnly(2028, 10, 9)));
        }

        var posted = await db.ContributionBills.AsNoTracking().Include(b => b.Lines).SingleAsync(b => b.PersonId == person.Id && b.Period == "2028-10");
        var payment = await db.ContributionPayments.AsNoTracking().SingleAsync(p => p.BillId == posted.Id);
        Assert.NotNull(posted.JournalSequence);
        Assert.NotNull(payment.JournalSequence);
        return (posted, payment);
    }

    private async Task<InsuredPerson> WorkerAsync(Infrastructure.Persistence.LtcDbContext db, string name)
    {
        var person = await RegisterDatabase.AddPersonAsync(db, name, "450921", new DateOnly(1982, 2, 2),
            MedicalInsuranceScheme.Employee, EmploymentStatus.Employed);
        Assert.True((await database.Enrollment(db).EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2027, 1, 1), MonthlyBase: 5000m))).Enrolled);
        return person;
    }

    /// <summary>Runs SQL on a raw connection (owner or application role) in a transaction scoped to Yulin.</summary>
    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await TenantSession.SetForTransactionAsync(connection, transaction, TenantIds.Yulin);
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
            await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
