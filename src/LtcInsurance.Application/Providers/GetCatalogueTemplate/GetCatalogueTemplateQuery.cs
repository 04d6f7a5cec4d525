using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Providers.GetCatalogueTemplate;

/// <summary>The catalogue file's template: the header only (we ship no items; each tenant fills in its own).</summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record GetCatalogueTemplateQuery(ExportFormat Format) : IRequest<ExportedFile>;
