using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Documents.RenderConclusionLetter;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.GetConclusionLetter;

/// <summary>
/// What the conclusion letter (结论书) of a concluded application says, filled from the stored conclusion (see
/// <c>ConclusionLetters</c>); <see cref="Date"/> is the letter's date (the conclusion's day when null).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Assessor, Roles.Admin)]
public sealed record GetConclusionLetterQuery(Guid ApplicationId, DateOnly? Date = null) : IRequest<ConclusionLetter>;
