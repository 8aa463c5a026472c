using Mismes.Core;
using Mismes.Web.Administration;
using Mismes.Web.Catalogue;
using Mismes.Web.Diaspora;
using Mismes.Web.Evaluation;
using Mismes.Web.Notifications;
using Mismes.Web.People;
using Mismes.Web.Placement;
using Mismes.Web.Platform;
using Mismes.Web.Training;
using Mismes.Web.Recognition;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatform();
builder.Services.AddCore();
builder.Services.AddAdministration();
builder.Services.AddPeople();
builder.Services.AddCatalogue();
builder.Services.AddNotifications();
builder.Services.AddPlacement();
builder.Services.AddDiaspora();
builder.Services.AddEvaluation();
builder.Services.AddTraining();
builder.Services.AddRecognition();

var app = builder.Build();

await app.PrepareDatabaseAsync();
app.UsePlatform();
app.MapPlatformEndpoints();
app.MapAdministration();
app.MapPeople();
app.MapCatalogue();
app.MapNotifications();
app.MapPlacement();
app.MapDiaspora();
app.MapEvaluation();
app.MapTraining();
app.MapRecognition();

await app.RunAsync();

/// <summary>Entry point, public so tests can start the host with WebApplicationFactory.</summary>
public partial class Program;
