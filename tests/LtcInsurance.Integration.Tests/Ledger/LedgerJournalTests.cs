using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Application.Ledger.GetEntrySource;
using LtcInsurance.Application.Ledger.GetJournalEntry;
using LtcInsurance.Application.Ledger.ListJournalEntries;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Ledger;
using static LtcInsurance.Integration.Tests.Ledger.LedgerDatabase;

namespace LtcInsurance.Integration.Tests.Ledger;

/// <summary>The journal browser's use cases: its filters, its pages, one entry with its reversal, and their limits.</summary>
[Collection(LedgerDatabaseCollection.Name)]
public class LedgerJournalTests(LedgerDatabase database)
{
    private static readonly DateOnly Jan5 = new(2027, 1, 5);

    private async Task<string> TenantWithEntriesAsync()
    {
        var tenant = await database.NewTenantAsync();
        await using var db = database.App(tenant);
        var poster = Poster(db);
        await poster.PostAsync(Contribution("c1", 12m, Jan5));                          // 1
        var claim = (await poster.PostAsync(Claim("k1", 840m, new DateOnly(2027, 2, 3)))).Entry; // 2
        await poster.PostAsync(Contribution("c2", 368m, new DateOnly(2027, 2, 10)));  // 3
        await poster.ReverseAsync(claim.Sequence, new DateOnly(2027, 2, 20), "k1:rev"); // 4
        return tenant;
    }

    [Fact]
    public async Task The_filters_select_by_date_period_account_source_and_text_in_either_case()
    {
        var tenant = await TenantWithEntriesAsync();
        await using var auditor = database.UseCases(tenant, Roles.Auditor);

        async Task<string> SequencesAsync(JournalEntryFilter filter) =>
            string.Join(',', (await auditor.Send(new ListJournalEntriesQuery(filter))).Rows.Select(r => r.Sequence.Value));

        Assert.Equal("4,3,2,1", await SequencesAsync(JournalEntryFilter.None));
        Assert.Equal("4,3,2", await SequencesAsync(new JournalEntryFilter(From: new DateOnly(2027, 2, 1))));
        Assert.Equal("1", await SequencesAsync(new JournalEntryFilter(To: new DateOnly(2027, 1, 31))));
        Assert.Equal("4,3,2", await SequencesAsync(new JournalEntryFilter(Period: new LedgerPeriod(2027, 2))));
        Assert.Equal("4,2", await SequencesAsync(new JournalEntryFilter(AccountCode: StandardChart.PayableToInstitutions)));
        Assert.Equal("3,1", await SequencesAsync(new JournalEntryFilter(SourceType: SourceDocumentType.Bill)));
        // The reversal keeps the claim's source reference; the text matches it whatever its case.
        Assert.Equal("4,2", await SequencesAsync(new JournalEntryFilter(Text: "clm-K1")));
        Assert.Equal("3,1", await SequencesAsync(new JournalEntryFilter(Text: "个人缴费")));
        // A LIKE wildcard is a character like any other.
        Assert.Equal("", await SequencesAsync(new JournalEntryFilter(Text: "%")));
    }

    [Fact]
    public async Task Amount_bounds_and_the_order_asked_for_select_and_sort_the_entries()
    {
        var tenant = await TenantWithEntriesAsync();
        await using var auditor = database.UseCases(tenant, Roles.Auditor);

        async Task<string> SequencesAsync(JournalEntryFilter filter, JournalSort sort = JournalSort.Sequence, bool descending = true) =>
            string.Join(',', (await auditor.Send(new ListJournalEntriesQuery(filter, Sort: sort, Descending: descending))).Rows.Select(r => r.Sequence.Value));

        // Amounts: 12, 840, 368, 840 (the reversal mirrors the claim).
        Assert.Equal("4,3,2", await SequencesAsync(new JournalEntryFilter(MinAmount: 368m)));
        Assert.Equal("3,1", await SequencesAsync(new JournalEntryFilter(MaxAmount: 368m)));
        Assert.Equal("3", await SequencesAsync(new JournalEntryFilter(MinAmount: 100m, MaxAmount: 500m)));
        Assert.Equal("1,3,2,4", await SequencesAsync(JournalEntryFilter.None, JournalSort.Amount, descending: false));
        Assert.Equal("4,2,3,1", await SequencesAsync(JournalEntryFilter.None, JournalSort.Amount));
        Assert.Equal("1,2,3,4", await SequencesAsync(JournalEntryFilter.None, JournalSort.BusinessDate, descending: false));
        Assert.Equal("1,2,3,4", await SequencesAsync(JournalEntryFilter.None, descending: false));

        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() => auditor.Send(
            new ListJournalEntriesQuery(new JournalEntryFilter(MinAmount: 500m, MaxAmount: 100m))));
        Assert.Contains("最低金额", Assert.Single(invalid.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_run_newest_first_and_a_page_beyond_the_last_shows_the_last()
    {
        var tenant = await TenantWithEntriesAsync();
        await using var auditor = database.UseCases(tenant, Roles.Auditor);

        var second = await auditor.Send(new ListJournalEntriesQuery(JournalEntryFilter.None, Page: 2, PageSize: 3));
        var beyond = await auditor.Send(new ListJournalEntriesQuery(JournalEntryFilter.None, Page: 9, PageSize: 3));

        Assert.Equal((4, 2, 2), (second.Total, second.Page, second.PageCount));
        Assert.Equal(new EntrySequence(1), Assert.Single(second.Rows).Sequence);
        Assert.Equal(2, beyond.Page);
        var reversal = (await auditor.Send(new ListJournalEntriesQuery(JournalEntryFilter.None))).Rows[0];
        Assert.Equal((new EntrySequence(2), 840m), (reversal.Reverses, reversal.Amount));
    }

    [Fact]
    public async Task An_entry_comes_with_its_reversal_and_account_names_and_no_bill_behind_a_claim()
    {
        var tenant = await TenantWithEntriesAsync();
        await using var auditor = database.UseCases(tenant, Roles.Auditor);

        var claim = await auditor.Send(new GetJournalEntryQuery(new EntrySequence(2)));
        var missing = await auditor.Send(new GetJournalEntryQuery(new EntrySequence(99)));

        Assert.Equal(new EntrySequence(4), claim!.ReversedBy);
        Assert.Equal("应付护理服务机构款", claim.AccountNames[StandardChart.PayableToInstitutions]);
        Assert.Null(missing);
        Assert.Null(await auditor.Send(new GetEntrySourceQuery(new EntrySequence(2))));
    }

    [Fact]
    public async Task Paging_bounds_search_length_and_roles_are_checked_before_the_books_are_read()
    {
        var tenant = await database.NewTenantAsync();
        await using var auditor = database.UseCases(tenant, Roles.Auditor);
        await using var clerk = database.UseCases(tenant, Roles.Clerk);

        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() => auditor.Send(
            new ListJournalEntriesQuery(new JournalEntryFilter(Text: new string('x', 201)), Page: 0, PageSize: 1000)));
        await Assert.ThrowsAsync<RequestValidationException>(() => auditor.Send(new GetJournalEntryQuery(new EntrySequence(0))));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => clerk.Send(new ListJournalEntriesQuery(JournalEntryFilter.None)));

        Assert.Equal(3, invalid.Problems.Count);
        Assert.All(invalid.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }
}
