using LtcInsurance.Domain.Ledger;
using static LtcInsurance.Domain.Tests.Ledger.LedgerFixtures;

namespace LtcInsurance.Domain.Tests.Ledger;

public class PeriodSpecs
{
    [Fact]
    public void Posting_explicitly_into_a_closed_period_is_refused()
    {
        var books = NewBooks();
        books.ClosePeriod(new LedgerPeriod(2027, 1));
        var ex = Assert.Throws<LedgerRuleException>(() =>
            books.Post(Contribution("c1", 12m, D(2027, 1, 20), new LedgerPeriod(2027, 1)), Noon));
        Assert.Equal(LedgerRules.ClosedPeriod, ex.Rule);
        Assert.Empty(books.Entries);
    }

    [Fact]
    public void A_late_item_goes_to_the_next_open_period_and_remembers_its_own()
    {
        var books = NewBooks();
        books.ClosePeriod(new LedgerPeriod(2027, 1));
        books.ClosePeriod(new LedgerPeriod(2027, 2));
        var late = books.Post(Contribution("c1", 12m, D(2027, 1, 20)), Noon);
        Assert.Equal(new LedgerPeriod(2027, 3), late.Period);
        Assert.Equal(new LedgerPeriod(2027, 1), late.OriginalPeriod);
    }

    [Fact]
    public void An_item_in_an_open_period_has_no_original_period()
    {
        var entry = NewBooks().Post(Contribution("c1", 12m, D(2027, 1, 20)), Noon);
        Assert.Equal(new LedgerPeriod(2027, 1), entry.Period);
        Assert.Null(entry.OriginalPeriod);
    }

    [Fact]
    public void An_entry_cannot_be_booked_in_a_period_before_its_business_date()
    {
        Assert.Throws<LedgerRuleException>(() => Contribution("c1", 12m, D(2027, 3, 1), new LedgerPeriod(2027, 2)));
    }

    [Fact]
    public void Year_end_closing_moves_income_and_expense_into_accumulated_surplus()
    {
        // JN 四: the year's surplus rolls over to the next year.
        var books = NewBooks();
        books.Post(Contribution("c1", 3000m, D(2027, 3, 1)), Noon);
        books.Post(Claim("k1", 1200.50m, D(2027, 6, 1)), Noon);
        books.Post(Contribution("c2", 30m, D(2028, 1, 2)), Noon);

        var closing = books.CloseYear(2027, Noon);

        Assert.NotNull(closing);
        Assert.Equal(new LedgerPeriod(2027, 12), closing.Period);
        var through2027 = books.Balances(new LedgerPeriod(2027, 12));
        Assert.Equal(0m, through2027[IndividualIncome]);
        Assert.Equal(0m, through2027[HomeCare]);
        Assert.Equal(-1799.50m, through2027[StandardChart.AccumulatedSurplus]);
        Assert.True(books.Calendar.IsClosed(new LedgerPeriod(2027, 12)));
        Assert.Equal(-30m, books.Balances()[IndividualIncome]);
    }

    [Fact]
    public void Region_accounts_close_into_their_region_surplus()
    {
        // YZ 四(五): accounted per district; each district carries its own result.
        var regions = new Dictionary<string, string> { ["jfb"] = "解放碑街道" };
        var books = new TenantBooks(Tenant, StandardChart.For(Tenant, regions));
        var bank = Account.RegionAccountCode(Bank, "jfb");
        var income = Account.RegionAccountCode(IndividualIncome, "jfb");
        books.Post(new EntryDraft(D(2027, 3, 1), "缴费", new SourceDocument(SourceDocumentType.Bill, "B1"), "b1",
            [Posting.Debit(bank, 500m), Posting.Credit(income, 500m)]), Noon);

        books.CloseYear(2027, Noon);

        Assert.Equal(-500m, books.Balances()[Account.RegionAccountCode(StandardChart.AccumulatedSurplus, "jfb")]);
        Assert.False(books.Balances().ContainsKey(StandardChart.AccumulatedSurplus));
    }

    [Fact]
    public void A_year_without_income_or_expense_closes_without_an_entry()
    {
        var books = NewBooks();
        Assert.Null(books.CloseYear(2027, Noon));
        Assert.True(books.Calendar.IsClosed(new LedgerPeriod(2027, 6)));
    }
}
