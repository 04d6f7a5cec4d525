using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.LodgeObjection;

/// <summary>
/// Records an objection (异议) to a conclusion, lodged on <see cref="LodgedOn"/>. The engine decides (29号 as reported): only
/// during the publicity, never against a 复评 conclusion (final). An accepted objection opens a 复评: a new application,
/// accepted at once, to be assigned to another agency and assessed and confirmed by other staff (the first agency and its
/// staff recused, checked by <c>AssignApplication</c>, <c>RecordOnSiteAssessment</c> and <c>ConfirmConclusion</c>).
/// </summary>
[RequiresRole(Roles.Clerk)]
public sealed record LodgeObjectionCommand(Guid ApplicationId, DateOnly LodgedOn, string Reason) : IRequest<ObjectionRecorded>;

/// <param name="ReviewApplicationId">The 复评 application to assign.</param>
public sealed record ObjectionRecorded(Guid ReviewApplicationId, string Clause, string Message);
