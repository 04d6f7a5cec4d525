using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.GetClaimTemplate;

/// <summary>The claim file's template (月度结算申报模板): the header only, csv or xlsx.</summary>
[RequiresRole(Roles.Institution, Roles.Clerk, Roles.Admin)]
public sealed record GetClaimTemplateQuery(ExportFormat Format) : IRequest<ExportedFile>;
