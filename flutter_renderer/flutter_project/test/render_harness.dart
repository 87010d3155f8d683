// Renders candidate widgets to PNG inside `flutter test`, one `testWidgets` per candidate.
//
// For every candidate the harness writes, into `HarnessConfig.outDir`:
//   c_<i>.started  when its test begins (lets the Python side name the candidate that hung),
//   c_<i>.png      the screen at `width x height` logical pixels times `pixelRatio`,
//   c_<i>.json     {"index", "errors": [{"library", "summary", "details"}], "png", "elapsed_ms"}.
// Errors are collected, not thrown, so one broken candidate never fails its neighbours.
//
// Written against flutter/flutter at 90e4a12f2a (flutter_test's binding.dart and widget_tester.dart)
// but never compiled or run by this project: no Flutter SDK can be installed on its machines.

import 'dart:convert';
import 'dart:io';
import 'dart:ui' as ui;

import 'package:flutter/foundation.dart';
import 'package:flutter/material.dart';
import 'package:flutter/painting.dart';
import 'package:flutter/rendering.dart';
import 'package:flutter/scheduler.dart';
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

  /// Font family -> font files. Empty keeps the engine's test font (FlutterTest, Ahem in older
  /// SDKs), whose glyphs are solid boxes.
  final Map<String, List<String>> fonts;
}

/// How far fake time jumps before the capture, so delayed futures and timers fire (a FutureBuilder
/// waiting on a 2 s `Future.delayed`) and entrance animations end. Fake time is free, frames are not.
const Duration _settleTime = Duration(seconds: 5);

/// The global switches as they were before the first candidate; see [_Switch].
late final List<_Switch<Object?>> _defaults;

/// Loads real fonts once per run and hides the debug banner of candidates' own MaterialApps.
void setUpHarness(HarnessConfig config) {
  setUpAll(() async {
    TestWidgetsFlutterBinding.ensureInitialized();
    _defaults = _readSwitches();
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
    // What an earlier candidate left behind: its switches (a test that timed out never restored them)
    // and an error of its that arrived before this test's handler was installed.
    _restoreSwitches();
    tester.takeException();
    tester.view.physicalSize = Size(config.width * config.pixelRatio, config.height * config.pixelRatio);
    tester.view.devicePixelRatio = config.pixelRatio;
    addTearDown(tester.view.reset);

    final errors = <Map<String, String>>[];
    final boundary = GlobalKey();
    final previousOnError = FlutterError.onError;
    // Every report until the candidate is gone (overflow, build errors, an image or asset that fails
    // while the screen is captured) lands here with its library, instead of failing on the first one.
    FlutterError.onError = (FlutterErrorDetails details) => errors.add(_describe(details));
    // The test binding sets debugDisableShadows, which strokes elevation as an outline twice the
    // elevation wide (rendering/proxy_box.dart) and drops BoxShadow blur (painting/box_shadow.dart);
    // golden_toolkit turns real shadows on for the same reason (`enableRealShadows`).
    debugDisableShadows = false;
    String? png;
    try {
      try {
        final Widget screen = wrap ? MaterialApp(debugShowCheckedModeBanner: false, home: root()) : root();
        await tester.pumpWidget(RepaintBoundary(key: boundary, child: screen));
        await _settle(tester);
      } catch (error, stack) {
        errors.add(_describe(FlutterErrorDetails(exception: error, stack: stack, library: 'flutter-rl harness')));
      }
      try {
        png = await _capture(tester, boundary, config.pixelRatio, status.pngPath);
      } catch (error, stack) {
        errors.add(_describe(FlutterErrorDetails(exception: error, stack: stack, library: 'flutter-rl capture')));
      }
      await _drain(tester);
    } finally {
      // Put back before the body returns: right after it the binding checks that the error handler is
      // its own and that no debug switch (debugDisableShadows included) was left changed.
      FlutterError.onError = previousOnError;
      _restoreSwitches();
    }
    _takePending(tester, errors);
    status.write(errors, png, watch.elapsedMilliseconds);
  }, timeout: Timeout(Duration(milliseconds: config.timeoutMs)), semanticsEnabled: false);
}

/// Pumps frames until none is scheduled, jumps [_settleTime] ahead, then settles again. Unlike
/// `pumpAndSettle` this ends on screens with endless animations (progress indicators), which is all
/// a still image needs.
Future<void> _settle(WidgetTester tester) async {
  await _pumpFrames(tester);
  await tester.pump(_settleTime);
  await _pumpFrames(tester);
}

Future<void> _pumpFrames(WidgetTester tester) async {
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

/// Lets the candidate's last real-async work (asset and image loads answered by the engine) finish
/// while its error handler is still installed, so a late error is its own and not the next one's.
Future<void> _drain(WidgetTester tester) async {
  await tester.runAsync(() => Future<void>.delayed(const Duration(milliseconds: 20)));
  await tester.pump();
}

void _takePending(WidgetTester tester, List<Map<String, String>> errors) {
  final Object? pending = tester.takeException();
  if (pending != null) {
    errors.add(_describe(FlutterErrorDetails(exception: pending, library: 'flutter test framework')));
  }
}

Map<String, String> _describe(FlutterErrorDetails details) => <String, String>{
      'library': details.library ?? '',
      'summary': _safely(() => details.exceptionAsString()),
      'details': _safely(() => details.toString()),
    };

/// Describing an error runs candidate code (its exception's toString), which may throw in turn.
String _safely(String Function() describe) {
  try {
    return describe();
  } catch (error) {
    return '<the error could not be described: ${error.runtimeType}>';
  }
}

/// A global switch a candidate can flip from its build methods, with its value from before the first
/// candidate. Switches outlive a test: the binding checks some of them after each test body but resets
/// none (flutter_test binding.dart `_verifyInvariants`).
class _Switch<T> {
  _Switch(T Function() read, this._write) : _saved = read();

  final void Function(T) _write;
  final T _saved;

  void restore() => _write(_saved);
}

/// The switches that change pixels or timing, read now.
List<_Switch<Object?>> _readSwitches() => <_Switch<Object?>>[
      _Switch<bool>(() => debugPaintSizeEnabled, (v) => debugPaintSizeEnabled = v),
      _Switch<bool>(() => debugPaintBaselinesEnabled, (v) => debugPaintBaselinesEnabled = v),
      _Switch<bool>(() => debugPaintLayerBordersEnabled, (v) => debugPaintLayerBordersEnabled = v),
      _Switch<bool>(() => debugPaintPointersEnabled, (v) => debugPaintPointersEnabled = v),
      _Switch<bool>(() => debugRepaintRainbowEnabled, (v) => debugRepaintRainbowEnabled = v),
      _Switch<bool>(() => debugRepaintTextRainbowEnabled, (v) => debugRepaintTextRainbowEnabled = v),
      _Switch<bool>(() => debugDisableClipLayers, (v) => debugDisableClipLayers = v),
      _Switch<bool>(() => debugDisablePhysicalShapeLayers, (v) => debugDisablePhysicalShapeLayers = v),
      _Switch<bool>(() => debugDisableOpacityLayers, (v) => debugDisableOpacityLayers = v),
      _Switch<bool>(() => debugDisableShadows, (v) => debugDisableShadows = v),
      _Switch<bool>(() => debugInvertOversizedImages, (v) => debugInvertOversizedImages = v),
      _Switch<TargetPlatform?>(() => debugDefaultTargetPlatformOverride, (v) => debugDefaultTargetPlatformOverride = v),
      _Switch<double>(() => timeDilation, (v) => timeDilation = v),
      _Switch<ErrorWidgetBuilder>(() => ErrorWidget.builder, (v) => ErrorWidget.builder = v),
    ];

void _restoreSwitches() {
  for (final switch_ in _defaults) {
    switch_.restore();
  }
}

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
