using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Reports;
using static LtcInsurance.Domain.Tests.Ledger.LedgerFixtures;

namespace LtcInsurance.Domain.Tests.Ledger;

public class ReportSpecs
{
    private static TenantBooks Year()
    {
        var books = NewBooks();
        books.Post(Contribution("c1", 3000m, D(2027, 1, 5)), Noon);
        books.Post(Claim("k1", 1200m, D(2027, 1, 31)), Noon);
        books.Post(Contribution("c2", 500m, D(2027, 2, 5)), Noon);
        books.Post(Claim("k2", 800.25m, D(2027, 2, 28)), Noon);
        return books;
    }

    [Fact]
    public void Trial_balance_lists_every_account_and_balances()
    {
        var books = Year();
        var tb = TrialBalance.Compute(books.Accounts, LedgerLine.From(books.Entries));
        Assert.Equal(books.Accounts.Count, tb.Rows.Count);
        Assert.True(tb.IsBalanced);
        Assert.Equal(3500m, tb.Rows.Single(r => r.Code == Bank).Balance);
        Assert.Equal(-2000.25m, tb.Rows.Single(r => r.Code == Institutions).Balance);
    }

    [Fact]
    public void Trial_balance_through_a_period_leaves_later_periods_out()
    {
        var books = Year();
        var tb = TrialBalance.Compute(books.Accounts, LedgerLine.From(books.Entries), new LedgerPeriod(2027, 1));
        Assert.Equal(3000m, tb.Rows.Single(r => r.Code == Bank).Balance);
    }

    [Fact]
    public void Account_statement_runs_a_balance_on_the_accounts_normal_side()
    {
        var books = Year();
        var payable = books.Accounts.Single(a => a.Code == Institutions);
        var statement = AccountStatement.Compute(payable, LedgerLine.From(books.Entries), from: new LedgerPeriod(2027, 2));
        Assert.Equal(1200m, statement.OpeningBalance);
        var line = Assert.Single(statement.Lines);
        Assert.Equal((0m, 800.25m, 2000.25m), (line.Debit, line.Credit, line.RunningBalance));
        Assert.Equal(2000.25m, statement.ClosingBalance);
    }

    [Fact]
    public void Income_and_expenditure_by_month_ignores_the_year_end_closing()
    {
        var books = Year();
        books.CloseYear(2027, Noon);
        var months = IncomeAndExpenditure.Compute(books.Accounts, LedgerLine.From(books.Entries), 2027, byMonth: true);
        Assert.Equal(12, months.Count);
        Assert.Equal(new IncomeAndExpenditureRow("2027-01", 3000m, 1200m), months[0]);
        Assert.Equal(new IncomeAndExpenditureRow("2027-12", 0m, 0m), months[11]);
        var year = Assert.Single(IncomeAndExpenditure.Compute(books.Accounts, LedgerLine.From(books.Entries), 2027, byMonth: false));
        Assert.Equal(1499.75m, year.Surplus);
    }

    [Fact]
    public void Balance_per_region_keeps_assets_equal_to_liabilities_plus_fund_balance()
    {
        var regions = new Dictionary<string, string> { ["jfb"] = "解放碑街道" };
        var books = new TenantBooks(Tenant, StandardChart.For(Tenant, regions));
        books.Post(Contribution("c1", 100m, D(2027, 1, 5)), Noon);
        books.Post(new EntryDraft(D(2027, 1, 6), "区缴费", new SourceDocument(SourceDocumentType.Bill, "B"), "b",
            [Posting.Debit(Bank + "@jfb", 40m), Posting.Credit(IndividualIncome + "@jfb", 40m)]), Noon);
        var rows = RegionBalance.Compute(books.Accounts, LedgerLine.From(books.Entries));
        Assert.Equal([null, "jfb"], rows.Select(r => r.RegionCode));
        Assert.Equal((100m, 100m), (rows[0].Assets, rows[0].FundBalance));
        Assert.Equal((40m, 40m), (rows[1].Assets, rows[1].FundBalance));
        Assert.All(rows, r => Assert.Equal(r.Assets, r.Liabilities + r.FundBalance));
    }
}
