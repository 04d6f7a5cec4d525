using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Assessment;

namespace LtcInsurance.Application.Assessment.ListApplications;

/// <summary>
/// The clerk's application queue: applications with their deadlines, the next deadline first. <see cref="Status"/> filters
/// by status; <see cref="OpenOnly"/> keeps applications still in progress; <see cref="Today"/> marks what is overdue.
/// A care institution's user sees only the applications its institution made, an assessor only those assigned to their
/// agency (<c>ApplicationScope</c>).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin, Roles.Auditor, Roles.Assessor, Roles.Institution)]
public sealed record ListApplicationsQuery(DateOnly Today, string? Status = null, bool OpenOnly = false, int Take = 200) : IRequest<IReadOnlyList<ApplicationRow>>;

/// <param name="NextDeadline">Acceptance due while waiting, the assessment due once assigned, the conclusion letter's delivery
/// once concluded and not yet delivered, else null.</param>
/// <param name="DeliveryDueOn">The conclusion letter's due day: the tenant's assessmentDeliveryWorkingDays (default 30, 29号) after acceptance, on the tenant's calendar.</param>
public sealed record ApplicationRow(
    Guid Id, Guid PersonId, string PersonName, string ApplicantKind, DateOnly AppliedOn, string Status, string StatusName,
    DateOnly AcceptanceDueOn, DateOnly CompleteBy, string? AgencyName, DateOnly? AssessmentDueOn, DateOnly? NextDeadline, bool Overdue,
    string? DecisionMessage, DateOnly? ConcludedOn, string? ConclusionLevelLabel, IReadOnlyList<string> ProvidedDocuments,
    string Kind = ApplicationKinds.Initial, DateOnly? DeliveryDueOn = null, DateOnly? DeliveredOn = null, DateOnly? PublicityFrom = null,
    DateOnly? PublicityTo = null, DateOnly? ObjectedOn = null);
