using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Mismes.Web.Platform;

/// <summary>
/// Pages live beside their capability's API (People/Pages/Search.cshtml next to People/Api/...), so the
/// "Pages" folder name is dropped from the URL: People/Pages/Search.cshtml serves /People/Search and
/// Pages/Index.cshtml serves /.
/// </summary>
internal sealed class FeatureFolderRoutes : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors)
        {
            var template = selector.AttributeRouteModel?.Template;
            if (template is null)
            {
                continue;
            }

            var segments = template.Split('/').Where(s => !s.Equals("Pages", StringComparison.OrdinalIgnoreCase));
            selector.AttributeRouteModel!.Template = string.Join('/', segments);
        }
    }
}
