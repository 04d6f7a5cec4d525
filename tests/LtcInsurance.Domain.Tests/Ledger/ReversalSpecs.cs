using LtcInsurance.Domain.Ledger;
using static LtcInsurance.Domain.Tests.Ledger.LedgerFixtures;

namespace LtcInsurance.Domain.Tests.Ledger;

public class ReversalSpecs
{
    [Fact]
    public void A_reversal_swaps_every_side_and_links_to_the_original()
    {
        var books = NewBooks();
        var claim = books.Post(Claim("clm-1", 840m, D(2027, 2, 3)), Noon);
        var reversal = books.Reverse(claim.Sequence, D(2027, 2, 10), "clm-1:reverse", Noon);

        Assert.Equal(claim.Sequence, reversal.Reverses);
        Assert.Equal(claim.Postings.Select(p => (p.AccountCode, p.Side.Opposite(), p.Amount)),
            reversal.Postings.Select(p => (p.AccountCode, p.Side, p.Amount)));
        Assert.All(books.Balances().Values, b => Assert.Equal(0m, b));
    }

    [Fact]
    public void An_entry_already_reversed_cannot_be_reversed_again()
    {
        var books = NewBooks();
        var claim = books.Post(Claim("clm-1", 840m, D(2027, 2, 3)), Noon);
        books.Reverse(claim.Sequence, D(2027, 2, 10), "rev-a", Noon);
        var ex = Assert.Throws<LedgerRuleException>(() => books.Reverse(claim.Sequence, D(2027, 2, 11), "rev-b", Noon));
        Assert.Equal(LedgerRules.AlreadyReversed, ex.Rule);
        Assert.Equal(2, books.Entries.Count);
    }

    [Fact]
    public void A_reversal_is_not_itself_reversed()
    {
        var books = NewBooks();
        var claim = books.Post(Claim("clm-1", 840m, D(2027, 2, 3)), Noon);
        var reversal = books.Reverse(claim.Sequence, D(2027, 2, 10), "rev-a", Noon);
        var ex = Assert.Throws<LedgerRuleException>(() => books.Reverse(reversal.Sequence, D(2027, 2, 11), "rev-b", Noon));
        Assert.Equal(LedgerRules.ReversalOfReversal, ex.Rule);
    }

    [Fact]
    public void A_draft_that_claims_to_reverse_but_does_not_mirror_is_refused()
    {
        var books = NewBooks();
        var claim = books.Post(Claim("clm-1", 840m, D(2027, 2, 3)), Noon);
        var fake = new EntryDraft(D(2027, 2, 4), "假冲销", new SourceDocument(SourceDocumentType.Claim, "CLM-clm-1"), "rev",
            [Posting.Debit(Institutions, 800m), Posting.Credit(HomeCare, 800m)], reverses: claim.Sequence);
        Assert.Throws<LedgerRuleException>(() => books.Post(fake, Noon));
    }
}
