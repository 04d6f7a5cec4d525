using System.Globalization;
using System.Text.Json;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Documents.RenderConclusionLetter;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment;

/// <summary>
/// Fills the <see cref="ConclusionLetter"/> (结论书) from a concluded application: the person with the ID number (masked when
/// laid out), the level, the total of every dimension of the instrument with its maximum and grade, the validity by the
/// engine's ConclusionValidity rule (only for a conclusion that opens benefits; else until a new conclusion), how and where
/// to object (during the publicity; a 复评 conclusion is final), the assessment agency and the date.
/// </summary>
internal static class ConclusionLetters
{
    public static async Task<ConclusionLetter> ComposeAsync(ILtcDbContext db, IPolicyEngine engine, Guid applicationId, DateOnly? date, CancellationToken cancellationToken)
    {
        var application = await AssessmentLookup.ApplicationAsync(db, applicationId, cancellationToken);
        AssessmentRule.Check(application.Status != ApplicationStatuses.Concluded, AssessmentCodes.NotConcluded, AssessmentClauses.Conclusion,
            $"申请当前状态为「{ApplicationStatuses.ChineseName(application.Status)}」，尚未作出评估结论，不能出具结论书");
        var concluded = application.ConcludedOn!.Value;
        var person = await db.InsuredPeople.AsNoTracking().SingleAsync(p => p.Id == application.PersonId, cancellationToken);
        var record = await db.Set<OnSiteAssessment>().AsNoTracking()
            .Where(r => r.ApplicationId == application.Id && r.SecondConfirmedBy != null)
            .OrderByDescending(r => r.SecondConfirmedOn).FirstAsync(cancellationToken);
        var agency = await db.Set<AssessmentAgency>().AsNoTracking().SingleAsync(a => a.Id == record.AgencyId, cancellationToken);
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == application.TenantId, cancellationToken);

        DateOnly? validTo = null;
        if (record.EligibleForBenefit)
        {
            try
            {
                var calculator = await engine.ForTenantAsync(application.TenantId, null, cancellationToken);
                var severe = record.LevelLabel?.StartsWith("重度", StringComparison.Ordinal) == true;
                validTo = calculator.Entitlement(application.TenantId).Validity(concluded, severe).Value.ValidTo;
            }
            catch (PolicyException e)
            {
                throw AssessmentLookup.Refusal(e);
            }
        }

        var (standard, scores) = Scores(record);
        var objection = application.IsReview
            ? "本结论为复评结论，为最终结论，不再受理异议"
            : application.PublicityFrom is { } from
                ? $"请于公示期内（{ChineseDate(from)}至{ChineseDate(application.PublicityTo!.Value)}）以书面形式提出，由其他评估机构及人员复评，复评结论为最终结论"
                : "请于评估结论公示期内以书面形式提出（公示期以公告为准），由其他评估机构及人员复评，复评结论为最终结论";
        return new ConclusionLetter(
            null, person.Name, person.IdNumber.Value, record.LevelLabel ?? "（量表无等级）", standard, scores, concluded, validTo,
            objection, $"{tenant.NameZh}长期护理保险经办机构", agency.Name, date ?? concluded);
    }

    private static (string? Standard, IReadOnlyList<DimensionScore> Scores) Scores(OnSiteAssessment record)
    {
        var totals = JsonSerializer.Deserialize<Dictionary<string, int>>(record.Totals) ?? [];
        AssessmentInstrument? instrument = AssessmentInstrument.BuiltInIds.Contains(record.Instrument)
            ? AssessmentInstrument.BuiltInTable(record.Instrument)
            : null;
        if (instrument is null)
            return (null, [.. totals.Select(t => new DimensionScore(t.Key, t.Value))]);

        var scores = new List<DimensionScore>();
        foreach (var indicator in instrument.Indicators)
        {
            if (!totals.TryGetValue(indicator.Code, out var total))
                continue;
            var max = instrument.Items.Where(i => i.Indicator == indicator.Code).Sum(i => i.Scores.Count == 0 ? 0 : i.Scores.Max());
            var band = indicator.Bands.FirstOrDefault(b => total >= b.Min && total <= b.Max);
            scores.Add(new DimensionScore(indicator.Label, total, max > 0 ? max : null, band?.Label));
        }

        return (instrument.Name, scores);
    }

    public static string FileName(ConclusionLetter letter) =>
        $"失能等级评估结论书-{letter.PersonName!.Trim()}-{letter.Date!.Value.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.pdf";

    private static string ChineseDate(DateOnly day) => ConclusionLetterNotice.ChineseDate(day);
}
