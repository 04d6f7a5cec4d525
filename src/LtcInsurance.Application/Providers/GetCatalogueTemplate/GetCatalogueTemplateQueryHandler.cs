using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;

namespace LtcInsurance.Application.Providers.GetCatalogueTemplate;

internal sealed class GetCatalogueTemplateQueryHandler(ITableFileWriter files) : IRequestHandler<GetCatalogueTemplateQuery, ExportedFile>
{
    public Task<ExportedFile> Handle(GetCatalogueTemplateQuery request, CancellationToken cancellationToken) =>
        files.WriteAsync("服务项目目录模板", new ExportTable("服务项目目录", ServiceCatalogueFile.Header, []), request.Format, cancellationToken);
}
