using LtcInsurance.Domain.Contributions;

namespace LtcInsurance.Application.ContributionBases;

/// <summary>
/// One base as the person page shows it. <paramref name="Superseded"/>: every month it covers has a base recorded later
/// (it is history only); <paramref name="Period"/> is "2027" or "2027-01 至 2027-06".
/// </summary>
public sealed record ContributionBaseView(
    Guid Id,
    string Kind,
    string KindName,
    string From,
    string To,
    string Period,
    decimal Amount,
    string Source,
    string SourceName,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    bool Superseded)
{
    internal static ContributionBaseView Of(ContributionBase b, bool superseded) => new(
        b.Id, b.Kind, ContributionBaseKinds.ChineseName(b.Kind), b.From.ToString(), b.To.ToString(), b.PeriodText, b.Amount,
        b.Source, ContributionBaseSources.ChineseName(b.Source), b.RecordedBy, b.RecordedAt, superseded);
}
