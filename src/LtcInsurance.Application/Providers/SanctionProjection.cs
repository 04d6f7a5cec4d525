using LtcInsurance.Domain.Providers;

namespace LtcInsurance.Application.Providers;

internal static class SanctionProjection
{
    public static SanctionView View(Sanction s, string subjectName, string providerCode, DateOnly today) =>
        new(s.Id, s.SubjectKind, s.SubjectId, subjectName, providerCode, s.From, s.To, s.Reason, s.Clause, s.RecordedBy, s.RecordedAt,
            s.EndReason, s.EndedBy, s.EndedAt, s.InForceOn(today));
}
