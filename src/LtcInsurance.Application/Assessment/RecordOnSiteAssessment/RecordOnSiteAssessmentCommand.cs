using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.RecordOnSiteAssessment;

/// <summary>
/// Records the on-site assessment (现场评估) of an assigned application: the staff on site (at least two of the agency, one an
/// expert, none related to the person), the guardian or agent present, references to the photos and video, and the score of
/// every item of the tenant's instrument (<see cref="Instrument"/>: null for the tenant's; another one is refused). The
/// level is computed by the policy engine, with its trace; the conclusion waits for two experts' confirmation.
/// </summary>
[RequiresRole(Roles.Assessor)]
public sealed record RecordOnSiteAssessmentCommand(
    Guid ApplicationId,
    DateOnly AssessedOn,
    IReadOnlyList<Guid> StaffIds,
    string AttendantName,
    string AttendantRelation,
    string EvidenceReferences,
    IReadOnlyDictionary<string, int> Items,
    string? Instrument = null) : IRequest<OnSiteAssessmentRecorded>;

/// <summary>The recorded assessment's computed result (not yet a conclusion).</summary>
public sealed record OnSiteAssessmentRecorded(
    Guid AssessmentId, string Instrument, int? Level, string? LevelLabel, IReadOnlyDictionary<string, int> Totals,
    IReadOnlyDictionary<string, string> Grades, bool EligibleForBenefit, string TraceJson);
