using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Assessment;

namespace LtcInsurance.Application.Assessment.GetAssessmentWorkspace;

/// <summary>
/// What the assessment screens need beside the queue (read only): the tenant's instrument with every item and its allowed
/// scores, the designated agencies and their staff, and, for <see cref="ApplicationId"/>, the application's decision
/// (reason and clause) and its latest on-site record with the level, trace and confirmations. An application outside the
/// user's scope (another institution's, or not assigned to the assessor's agency: <c>ApplicationScope</c>) is not found.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin, Roles.Auditor, Roles.Assessor, Roles.Institution)]
public sealed record GetAssessmentWorkspaceQuery(Guid? ApplicationId = null) : IRequest<AssessmentWorkspace>;

/// <param name="InstrumentRefusal">Why the tenant's instrument could not be read (e.g. <c>parameter_missing</c>); null when it could.</param>
public sealed record AssessmentWorkspace(
    string? InstrumentId, string? InstrumentName, IReadOnlyList<Indicator> Indicators, IReadOnlyList<InstrumentItem> Items, string? InstrumentRefusal,
    IReadOnlyList<WorkspaceAgency> Agencies, IReadOnlyList<WorkspaceAssessor> Assessors, WorkspaceApplication? Application, WorkspaceRecord? Record);

public sealed record WorkspaceAgency(Guid Id, string Code, string Name, DateOnly AgreementFrom, DateOnly? AgreementTo, bool ActsAsHandlingAgency);

public sealed record WorkspaceAssessor(Guid Id, Guid AgencyId, string Name, string Qualification, string QualificationName, string? UserName, bool IsExpert);

/// <param name="Publicity">The conclusion's publicity, objection and 复评 links (null before a conclusion).</param>
/// <param name="FeeJournalSequence">The journal entry of the assessment fee, when it was posted.</param>
public sealed record WorkspaceApplication(
    Guid Id, Guid PersonId, string PersonName, string ApplicantKind, string ApplicantName, DateOnly AppliedOn, string Status, string StatusName,
    IReadOnlyList<string> ProvidedDocuments, IReadOnlyList<string> RequiredDocuments, string? DecisionCode, string? DecisionClause, string? DecisionMessage,
    Guid? AgencyId, DateOnly? AssignedOn, DateOnly? AssessmentDueOn, DateOnly? ConcludedOn, string? ConclusionLevelLabel,
    WorkspacePublicity? Publicity = null, long? FeeJournalSequence = null);

/// <summary>
/// The conclusion's publicity (公示) and objection (异议). While a first conclusion is not yet publicised, <see cref="PreviewTo"/>
/// is the last day of a publicity started today on the tenant's working calendar (or <see cref="PreviewRefusal"/> says which
/// figure is unset).
/// </summary>
/// <param name="Counting">calendar_days or working_days, for the preview.</param>
public sealed record WorkspacePublicity(
    bool IsReview, Guid? ReviewOfId, DateOnly? From, DateOnly? To, DateOnly? ObjectedOn, string? ObjectionReason, Guid? ReviewApplicationId,
    DateOnly? PreviewTo = null, int? PreviewDays = null, string? PreviewCounting = null, string? PreviewRefusal = null);

public sealed record WorkspaceRecord(
    Guid Id, DateOnly AssessedOn, IReadOnlyList<string> StaffNames, string AttendantName, string AttendantRelation, string EvidenceReferences,
    string Instrument, string ItemsJson, string TotalsJson, int? Level, string? LevelLabel, bool EligibleForBenefit, string TraceJson, string RecordedBy,
    string? FirstConfirmedBy, DateOnly? FirstConfirmedOn, string? SecondConfirmedBy, DateOnly? SecondConfirmedOn);
