using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Import;

namespace LtcInsurance.Application.Claims.ReadClaimFile;

internal sealed class ReadClaimFileHandler(IRegisterFileReader reader) : IRequestHandler<ReadClaimFileQuery, ClaimFileContent>
{
    public async Task<ClaimFileContent> Handle(ReadClaimFileQuery request, CancellationToken cancellationToken)
    {
        if (await TableUpload.ReadAsync(request.File, ClaimFile.MaxFileBytes, cancellationToken) is not { } upload)
            return Refused(TableUpload.TooLarge(ClaimFile.MaxFileBytes));
        using var content = upload.Content;
        try
        {
            var (lines, problems) = ClaimFile.Read(reader.Rows(content, RegisterFileFormats.Of(request.FileName)!));
            return new ClaimFileContent(problems.Count > 0 ? [] : lines, problems, upload.Sha256);
        }
        catch (InvalidDataException unreadable)
        {
            return Refused(unreadable.Message);
        }

        ClaimFileContent Refused(string message) => new([], [new ClaimFileProblem(0, ClaimFile.FileFormatCode, message)], "");
    }
}
