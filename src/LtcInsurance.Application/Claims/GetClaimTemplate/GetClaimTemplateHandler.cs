using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;

namespace LtcInsurance.Application.Claims.GetClaimTemplate;

internal sealed class GetClaimTemplateHandler(ITableFileWriter files) : IRequestHandler<GetClaimTemplateQuery, ExportedFile>
{
    public Task<ExportedFile> Handle(GetClaimTemplateQuery request, CancellationToken cancellationToken) =>
        files.WriteAsync("月度结算申报模板", new ExportTable("申报明细", ClaimFile.Header, []), request.Format, cancellationToken);
}
