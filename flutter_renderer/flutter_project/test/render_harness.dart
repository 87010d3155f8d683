// Renders candidate widgets to PNG inside `flutter test`, one `testWidgets` per candidate.
//
// For every candidate the harness writes, into `HarnessConfig.outDir`:
//   c_<i>.started  when its test begins (lets the Python side name the candidate that hung),
//   c_<i>.png      the screen at `width x height` logical pixels times `pixelRatio`,
//   c_<i>.json     {"index", "errors": [{"library", "summary", "details"}], "png", "elapsed_ms"}.
// Errors are collected, not thrown, so one broken candidate never fails its neighbours.

import 'dart:convert';
import 'dart:io';
import 'dart:ui' as ui;

import 'package:flutter/material.dart';
import 'package:flutter/rendering.dart';
import 'package:flutter/services.dart';
import 'package:flutter_test/flutter_test.dart';

/// One batch's settings, written as a `const` by the generated test file.
class HarnessConfig {
  const HarnessConfig({
    required this.outDir,
    required this.width,
    required this.height,
    required this.pixelRatio,
    required this.timeoutMs,
    required this.fonts,
  });

  final String outDir;
  final double width;
  final double height;
  final double pixelRatio;
  final int timeoutMs;

  /// Font family -> font files. Empty keeps flutter_test's Ahem block glyphs.
  final Map<String, List<String>> fonts;
}

/// Loads real fonts once per run and hides the debug banner of candidates' own MaterialApps.
void setUpHarness(HarnessConfig config) {
  setUpAll(() async {
    WidgetsApp.debugAllowBannerOverride = false;
    await loadFonts(config.fonts);
  });
}

/// Registers each family's files with the engine, as golden_toolkit's `loadAppFonts` does, but from
/// files (the SDK's `bin/cache/artifacts/material_fonts`) rather than the asset bundle.
Future<void> loadFonts(Map<String, List<String>> fonts) async {
  for (final entry in fonts.entries) {
    final loader = FontLoader(entry.key);
    for (final path in entry.value) {
      loader.addFont(File(path).readAsBytes().then((bytes) => ByteData.sublistView(bytes)));
    }
    await loader.load();
  }
}

/// Declares the test that renders candidate [index]; [root] builds its root widget.
/// [wrap] puts the root inside a MaterialApp (false when the root already is an app).
void renderCandidate(HarnessConfig config, int index, Widget Function() root, {required bool wrap}) {
  testWidgets('candidate $index', (WidgetTester tester) async {
    final status = _Status(config.outDir, index)..markStarted();
    final watch = Stopwatch()..start();
    tester.view.physicalSize = Size(config.width * config.pixelRatio, config.height * config.pixelRatio);
    tester.view.devicePixelRatio = config.pixelRatio;
    addTearDown(tester.view.reset);

    final errors = <Map<String, String>>[];
    final boundary = GlobalKey();
    final previousOnError = FlutterError.onError;
    // Collect every report (overflow, build errors) instead of failing on the first one; restored
    // below because the test binding checks that the handler is its own again when the test ends.
    FlutterError.onError = (FlutterErrorDetails details) => errors.add(_describe(details));
    try {
      final Widget screen = wrap ? MaterialApp(debugShowCheckedModeBanner: false, home: root()) : root();
      await tester.pumpWidget(RepaintBoundary(key: boundary, child: screen));
      await _settle(tester);
    } catch (error, stack) {
      errors.add(_describe(FlutterErrorDetails(exception: error, stack: stack, library: 'flutter-rl harness')));
    } finally {
      FlutterError.onError = previousOnError;
    }
    _takePending(tester, errors);

    String? png;
    try {
      png = await _capture(tester, boundary, config.pixelRatio, status.pngPath);
    } catch (error, stack) {
      errors.add(_describe(FlutterErrorDetails(exception: error, stack: stack, library: 'flutter-rl capture')));
    }
    _takePending(tester, errors);
    status.write(errors, png, watch.elapsedMilliseconds);
  }, timeout: Timeout(Duration(milliseconds: config.timeoutMs)));
}

/// Pumps frames until none is scheduled, at most ten: unlike `pumpAndSettle` this ends on screens with
/// endless animations (progress indicators), which is all a still image needs.
Future<void> _settle(WidgetTester tester) async {
  for (var frame = 0; frame < 10 && tester.binding.hasScheduledFrame; frame++) {
    await tester.pump(const Duration(milliseconds: 100));
  }
}

Future<String> _capture(WidgetTester tester, GlobalKey boundary, double pixelRatio, String path) async {
  final render = boundary.currentContext!.findRenderObject()! as RenderRepaintBoundary;
  // toImage/toByteData complete on the engine's real clock, outside the test's fake async zone.
  await tester.runAsync(() async {
    final ui.Image image = await render.toImage(pixelRatio: pixelRatio);
    try {
      final data = await image.toByteData(format: ui.ImageByteFormat.png);
      await File(path).writeAsBytes(data!.buffer.asUint8List());
    } finally {
      image.dispose();
    }
  });
  if (!File(path).existsSync()) {
    throw StateError('the screen could not be captured');
  }
  return path;
}

void _takePending(WidgetTester tester, List<Map<String, String>> errors) {
  final Object? pending = tester.takeException();
  if (pending != null) {
    errors.add(_describe(FlutterErrorDetails(exception: pending, library: 'flutter test framework')));
  }
}

Map<String, String> _describe(FlutterErrorDetails details) => <String, String>{
      'library': details.library ?? '',
      'summary': details.exceptionAsString(),
      'details': details.toString(),
    };

class _Status {
  _Status(this.outDir, this.index);

  final String outDir;
  final int index;

  String get pngPath => '$outDir/c_$index.png';

  void markStarted() => File('$outDir/c_$index.started').writeAsStringSync('');

  /// Written to a temporary name and renamed, so a reader never sees half a file.
  void write(List<Map<String, String>> errors, String? png, int elapsedMs) {
    final tmp = File('$outDir/c_$index.json.tmp');
    tmp.writeAsStringSync(jsonEncode(<String, Object?>{
      'index': index,
      'errors': errors,
      'png': png,
      'elapsed_ms': elapsedMs,
    }));
    tmp.renameSync('$outDir/c_$index.json');
  }
}
