namespace LtcInsurance.Application.People.Changes;

/// <summary>
/// What a register change did: how many fields changed (0: the entry already said so, nothing recorded), a Chinese
/// message for the clerk and, for changes the eligibility rule decides on, what it meant for the enrolment.
/// </summary>
public sealed record RegisterChangeResult(int FieldsChanged, string Message, EnrolmentReviewOutcome? Enrolment = null);
