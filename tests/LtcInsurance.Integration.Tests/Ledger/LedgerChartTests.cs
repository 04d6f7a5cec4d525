using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Infrastructure.Ledger;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Ledger;

[Collection(LedgerDatabaseCollection.Name)]
public sealed class LedgerChartTests(LedgerDatabase database)
{
    [Fact]
    public async Task An_added_account_takes_postings_and_shows_in_the_trial_balance()
    {
        var tenant = await database.NewTenantAsync();
        await using var db = database.App(tenant);

        var added = await new LedgerChart(db).AddAsync("5301.01", "经办服务费支出—系统运维", AccountType.Expense, null);
        await LedgerDatabase.Poster(db).PostAsync(new EntryDraft(new DateOnly(2027, 3, 1), "系统运维费",
            new SourceDocument(SourceDocumentType.Fee, "FEE-1"), "fee-1",
            [Posting.Debit("5301.01", 100m), Posting.Credit(StandardChart.FundSpecialAccount, 100m)]));

        Assert.True(added.Succeeded, added.Refusal);
        var row = (await new LedgerReports(db).TrialBalanceAsync()).Rows.Single(r => r.Code == "5301.01");
        Assert.Equal(100m, row.Debits);
        Assert.True((await new LedgerChart(db).AccountsAsync()).Single(a => a.Code == "5301.01").HasPostings);
    }

    [Fact]
    public async Task The_same_code_twice_is_refused_and_another_tenant_may_use_it()
    {
        var first = await database.NewTenantAsync();
        var second = await database.NewTenantAsync();
        await using var a = database.App(first);
        await using var b = database.App(second);

        Assert.True((await new LedgerChart(a).AddAsync("1201", "暂付款", AccountType.Asset, null)).Succeeded);
        var again = await new LedgerChart(a).AddAsync("1201", "暂付款二", AccountType.Asset, null);
        var elsewhere = await new LedgerChart(b).AddAsync("1201", "暂付款", AccountType.Asset, null);

        Assert.False(again.Succeeded);
        Assert.Contains("已存在", again.Refusal, StringComparison.Ordinal);
        Assert.True(elsewhere.Succeeded, elsewhere.Refusal);
    }

    [Fact]
    public async Task A_detail_account_keeps_its_parents_type()
    {
        var tenant = await database.NewTenantAsync();
        await using var db = database.App(tenant);

        // 4101.01 is income: a detail 4101.01.01 cannot be an expense (nor can any code starting with 4).
        var refused = await new LedgerChart(db).AddAsync("4101.01.01", "错误科目", AccountType.Expense, null);

        Assert.False(refused.Succeeded);
        Assert.Equal(0, await db.Set<LedgerAccountRecord>().CountAsync(r => r.Code == "4101.01.01"));
    }

    [Fact]
    public async Task The_application_role_may_rename_an_account_but_not_change_its_type_or_code()
    {
        var tenant = await database.NewTenantAsync();
        await using (var db = database.App(tenant))
        {
            var renamed = await new LedgerChart(db).RenameAsync(StandardChart.AgencyFees, "经办机构服务费支出");
            Assert.True(renamed.Succeeded, renamed.Refusal);
        }

        await using (var db = database.App(tenant))
            Assert.Equal("经办机构服务费支出", (await db.Set<LedgerAccountRecord>().SingleAsync(r => r.Code == StandardChart.AgencyFees)).Name);
        var type = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync(database.Server.AppConnectionString, tenant,
            $"UPDATE ledger_accounts SET type = 'asset' WHERE code = '{StandardChart.AgencyFees}'"));
        var code = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync(database.Server.AppConnectionString, tenant,
            $"UPDATE ledger_accounts SET code = '9999' WHERE code = '{StandardChart.AgencyFees}'"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync(database.Server.AppConnectionString, tenant,
            $"DELETE FROM ledger_accounts WHERE code = '{StandardChart.AgencyFees}'"));
        Assert.All(new[] { type, code, delete }, e => Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState));
    }
}
