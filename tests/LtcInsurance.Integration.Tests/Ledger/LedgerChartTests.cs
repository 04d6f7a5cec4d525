using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Ledger.AddAccount;
using LtcInsurance.Application.Ledger.GetTrialBalance;
using LtcInsurance.Application.Ledger.ListChartAccounts;
using LtcInsurance.Application.Ledger.RenameAccount;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Ledger;
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
        await using var admin = database.UseCases(tenant, Roles.Admin);
        await using var db = database.App(tenant);

        var added = await admin.Send(new AddAccountCommand("5301.01", "经办服务费支出—系统运维", AccountType.Expense, null));
        await LedgerDatabase.Poster(db).PostAsync(new EntryDraft(new DateOnly(2027, 3, 1), "系统运维费",
            new SourceDocument(SourceDocumentType.Fee, "FEE-1"), "fee-1",
            [Posting.Debit("5301.01", 100m), Posting.Credit(StandardChart.FundSpecialAccount, 100m)]));

        Assert.True(added.Succeeded, added.Refusal);
        var row = (await admin.Send(new GetTrialBalanceQuery())).Rows.Single(r => r.Code == "5301.01");
        Assert.Equal(100m, row.Debits);
        var accounts = await admin.Send(new ListChartAccountsQuery());
        Assert.True(accounts.Single(a => a.Code == "5301.01").HasPostings);
        Assert.False(accounts.Single(a => a.Code == StandardChart.AgencyFees).HasPostings);
    }

    [Fact]
    public async Task The_same_code_twice_is_refused_and_another_tenant_may_use_it()
    {
        var first = await database.NewTenantAsync();
        var second = await database.NewTenantAsync();
        await using var a = database.UseCases(first, Roles.Admin);
        await using var b = database.UseCases(second, Roles.Admin);

        Assert.True((await a.Send(new AddAccountCommand("1201", "暂付款", AccountType.Asset, null))).Succeeded);
        var again = await a.Send(new AddAccountCommand("1201", "暂付款二", AccountType.Asset, null));
        var elsewhere = await b.Send(new AddAccountCommand("1201", "暂付款", AccountType.Asset, null));

        Assert.False(again.Succeeded);
        Assert.Contains("已存在", again.Refusal, StringComparison.Ordinal);
        Assert.True(elsewhere.Succeeded, elsewhere.Refusal);
    }

    [Fact]
    public async Task A_detail_account_keeps_its_parents_type()
    {
        var tenant = await database.NewTenantAsync();
        await using var admin = database.UseCases(tenant, Roles.Admin);
        await using var db = database.App(tenant);

        // 4101.01 is income: a detail 4101.01.01 cannot be an expense (nor can any code starting with 4).
        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            admin.Send(new AddAccountCommand("4101.01.01", "错误科目", AccountType.Expense, null)));

        Assert.Contains("属于收入类", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Set<LedgerAccountRecord>().CountAsync(r => r.Code == "4101.01.01"));
    }

    [Theory]
    [InlineData("abc", "测试", "科目代码“abc”无效")]
    [InlineData("5301.93", "", "科目名称不能为空")]
    public async Task A_malformed_account_is_refused_with_the_reason_before_the_books_are_read(string code, string name, string reason)
    {
        var tenant = await database.NewTenantAsync();
        await using var admin = database.UseCases(tenant, Roles.Admin);

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            admin.Send(new AddAccountCommand(code, name, AccountType.Expense, null)));

        Assert.Contains(refused.Problems, p => p.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_an_admin_may_change_the_chart()
    {
        var tenant = await database.NewTenantAsync();
        await using var auditor = database.UseCases(tenant, Roles.Auditor);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            auditor.Send(new AddAccountCommand("1201", "暂付款", AccountType.Asset, null)));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            auditor.Send(new RenameAccountCommand(StandardChart.AgencyFees, "改名")));
        Assert.NotEmpty(await auditor.Send(new ListChartAccountsQuery()));
    }

    [Fact]
    public async Task The_application_role_may_rename_an_account_but_not_change_its_type_or_code()
    {
        var tenant = await database.NewTenantAsync();
        await using (var admin = database.UseCases(tenant, Roles.Admin))
        {
            var renamed = await admin.Send(new RenameAccountCommand(StandardChart.AgencyFees, "经办机构服务费支出"));
            Assert.True(renamed.Succeeded, renamed.Refusal);
            Assert.False((await admin.Send(new RenameAccountCommand("9998", "无此科目"))).Succeeded);
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
