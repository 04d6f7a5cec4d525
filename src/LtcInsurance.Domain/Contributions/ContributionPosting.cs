using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Contributions;

/// <summary>
/// How bills and payments reach the fund's books: a bill books a receivable per payer against contribution income
/// of that payer (Dr 应收保险费 / Cr 保险费收入); a payment moves money into the fund's special account
/// (Dr 基金专户存款 / Cr 应收保险费—个人缴费). Where the tenant keeps region sub-accounts, the region's are used.
/// </summary>
public static class ContributionPosting
{
    /// <summary>One key per tenant, period and person: a second run of the period finds the entry already booked.</summary>
    public static string BillKey(string tenant, string period, Guid personId) => $"contribution:{tenant}:{period}:{personId:N}";

    /// <summary>
    /// One key per tenant, period, region and batch (named by the batch's first person in that region): a person is
    /// billed once per period, so a later batch never starts with the same person and a batch's entry is booked once.
    /// </summary>
    public static string BatchKey(string tenant, string period, string region, Guid firstPersonId) =>
        $"contribution-bills:{tenant}:{period}:{region}:{firstPersonId:N}";

    /// <summary>
    /// The entry of one billing batch's bills of one region: per payer one receivable and one income posting, each the
    /// sum of that payer's lines (so the fund's books hold the receivables per payer, region and period, not per person);
    /// each bill records this entry's sequence, which is how an entry leads back to its bills. Null when nothing is due.
    /// </summary>
    public static EntryDraft? ForBills(string tenant, string period, string region, Guid firstPersonId, int bills,
        IEnumerable<(string Payer, decimal Amount)> lines, Func<string, string> account)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(account);
        var sums = lines.Where(l => l.Amount > 0).GroupBy(l => l.Payer, StringComparer.Ordinal)
            .Select(g => (Payer: g.Key, Amount: g.Sum(l => l.Amount))).OrderBy(l => l.Payer, StringComparer.Ordinal).ToList();
        if (sums.Count == 0)
            return null;
        var postings = new List<Posting>();
        foreach (var (code, amount) in sums)
        {
            var payer = Payer.FromCode(code);
            postings.Add(Posting.Debit(account(StandardChart.ContributionReceivable(payer)), amount));
            postings.Add(Posting.Credit(account(StandardChart.ContributionIncome(payer)), amount));
        }

        return new EntryDraft(
            PeriodStart(period),
            $"{period} 长护险缴费核定（{region}，{bills} 张缴费单）",
            new SourceDocument(SourceDocumentType.Bill, $"BILLS-{period}-{region}-{firstPersonId:N}"),
            BatchKey(tenant, period, region, firstPersonId),
            postings);
    }

    public static string PaymentKey(string tenant, string reference) => $"contribution-payment:{tenant}:{reference}";

    /// <summary>The bill's entry, or null when nothing is due (e.g. a Yulin minor, YL 二(三)6).</summary>
    public static EntryDraft? ForBill(ContributionBill bill, Func<string, string> account)
    {
        ArgumentNullException.ThrowIfNull(bill);
        ArgumentNullException.ThrowIfNull(account);
        var lines = bill.Lines.Where(l => l.Amount > 0).OrderBy(l => l.Payer, StringComparer.Ordinal).ToList();
        if (lines.Count == 0)
            return null;
        var postings = new List<Posting>();
        foreach (var line in lines)
        {
            var payer = Payer.FromCode(line.Payer);
            postings.Add(Posting.Debit(account(StandardChart.ContributionReceivable(payer)), line.Amount));
            postings.Add(Posting.Credit(account(StandardChart.ContributionIncome(payer)), line.Amount));
        }

        return new EntryDraft(
            PeriodStart(bill.Period),
            $"{bill.Period} 长护险缴费核定",
            new SourceDocument(SourceDocumentType.Bill, $"BILL-{bill.Period}-{bill.PersonId:N}"),
            BillKey(bill.TenantId, bill.Period, bill.PersonId),
            postings);
    }

    public static EntryDraft ForPayment(ContributionBill bill, ContributionPayment payment, Func<string, string> account)
    {
        ArgumentNullException.ThrowIfNull(bill);
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(account);
        return new EntryDraft(
            payment.PaidOn,
            payment.Method == PaymentMethods.Counter ? $"{bill.Period} 个人缴费到账" : $"{bill.Period} 个人缴费到账（{PaymentMethods.Name(payment.Method)}）",
            new SourceDocument(SourceDocumentType.Bill, $"PAY-{payment.Reference}"),
            PaymentKey(payment.TenantId, payment.Reference),
            [
                Posting.Debit(account(StandardChart.FundSpecialAccount), payment.Amount),
                Posting.Credit(account(StandardChart.ContributionReceivable(Payer.Individual)), payment.Amount),
            ]);
    }

    public static string TransferKey(string tenant, string reference) => $"contribution-transfer:{tenant}:{reference}";

    /// <summary>
    /// A transfer's one entry: per region line, Dr 基金专户存款 / Cr 应收保险费—(payer), with <paramref name="account"/>
    /// choosing the region's sub-account (code, region) where the tenant keeps one.
    /// </summary>
    public static EntryDraft ForTransfer(ContributionTransfer transfer, Func<string, string, string> account)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        ArgumentNullException.ThrowIfNull(account);
        var payer = Payer.FromCode(transfer.Payer);
        var postings = new List<Posting>();
        foreach (var line in transfer.Lines.OrderBy(l => l.RegionCode, StringComparer.Ordinal))
        {
            postings.Add(Posting.Debit(account(StandardChart.FundSpecialAccount, line.RegionCode), line.Amount));
            postings.Add(Posting.Credit(account(StandardChart.ContributionReceivable(payer), line.RegionCode), line.Amount));
        }

        return new EntryDraft(
            transfer.ReceivedOn,
            $"{transfer.Period} {payer.Name}到账",
            new SourceDocument(SourceDocumentType.Bill, $"TRF-{transfer.Reference}"),
            TransferKey(transfer.TenantId, transfer.Reference),
            postings);
    }

    private static DateOnly PeriodStart(string period) =>
        ContributionPeriod.TryParse(period, out var parsed) ? parsed.Start : throw new ArgumentException($"bad period {period}", nameof(period));
}
