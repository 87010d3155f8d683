"""What the embedded renderer knows of Flutter's API: classes, constructors, parameters, enums.

The Dart front end checks every constructor call against this catalog the way the Dart analyzer
checks against Flutter's sources: an unknown class or parameter, a missing required argument or too
many positional arguments is an analysis error. A real Flutter class the embedded backend cannot
reproduce is listed in `UNSUPPORTED` and gives an 'unsupported' error instead.

Parameter names follow Flutter 3.x (stable) API docs. Static members that are values rather than
enum constants (`EdgeInsets.zero`, `double.infinity`) are in `CONSTANTS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flutter_renderer.ir import ColorValue, DartObject


@dataclass(frozen=True)
class Signature:
    """One constructor: positional parameter names (in order), named ones, and which are required."""

    positional: tuple[str, ...] = ()
    named: frozenset[str] = frozenset()
    required: frozenset[str] = frozenset()  # required named parameters
    optional_positional: int = 0  # how many of the trailing positional ones may be omitted


def sig(positional: str = "", named: str = "", required: str = "", optional_positional: int = 0) -> Signature:
    """Compact constructor: space-separated names; `key` is always accepted; required names are named too."""
    return Signature(
        positional=tuple(positional.split()),
        named=frozenset(named.split()) | frozenset(required.split()) | {"key"},
        required=frozenset(required.split()),
        optional_positional=optional_positional,
    )


# Parameter groups many widgets share (kept as strings so `sig` stays the one way to build a signature).
_TEXT = (
    "style strutStyle textAlign textDirection locale softWrap overflow textScaleFactor textScaler "
    "maxLines semanticsLabel semanticsIdentifier textWidthBasis textHeightBehavior selectionColor"
)
_FLEX = (
    "mainAxisAlignment mainAxisSize crossAxisAlignment textDirection verticalDirection textBaseline spacing children"
)
_SCROLL = (
    "scrollDirection reverse controller primary physics shrinkWrap padding cacheExtent semanticChildCount "
    "dragStartBehavior keyboardDismissBehavior restorationId clipBehavior hitTestBehavior "
    "addAutomaticKeepAlives addRepaintBoundaries addSemanticIndexes"
)
_LIST = _SCROLL + " itemExtent itemExtentBuilder prototypeItem"
_GRID_DELEGATE = "mainAxisSpacing crossAxisSpacing childAspectRatio mainAxisExtent"
_BUTTON = "onLongPress onHover onFocusChange style focusNode autofocus clipBehavior statesController iconAlignment"
_STYLE_FROM = (
    "foregroundColor backgroundColor disabledForegroundColor disabledBackgroundColor shadowColor "
    "surfaceTintColor iconColor iconSize disabledIconColor overlayColor elevation textStyle padding "
    "minimumSize fixedSize maximumSize side shape enabledMouseCursor disabledMouseCursor visualDensity "
    "tapTargetSize animationDuration enableFeedback alignment splashFactory backgroundBuilder "
    "foregroundBuilder iconAlignment"
)
_ICON_BUTTON = (
    "iconSize visualDensity padding alignment splashRadius color focusColor hoverColor highlightColor "
    "splashColor disabledColor mouseCursor focusNode autofocus tooltip enableFeedback constraints style "
    "isSelected selectedIcon onLongPress onHover"
)
_FAB = (
    "tooltip foregroundColor backgroundColor focusColor hoverColor splashColor heroTag elevation focusElevation "
    "hoverElevation highlightElevation disabledElevation mouseCursor shape clipBehavior focusNode autofocus "
    "materialTapTargetSize enableFeedback"
)
_FIELD = (
    "controller focusNode decoration keyboardType textInputAction textCapitalization style strutStyle textAlign "
    "textAlignVertical textDirection readOnly showCursor autofocus obscuringCharacter obscureText autocorrect "
    "enableSuggestions maxLines minLines expands maxLength maxLengthEnforcement onChanged onEditingComplete "
    "onSubmitted onAppPrivateCommand inputFormatters enabled cursorWidth cursorHeight cursorRadius cursorColor "
    "cursorErrorColor keyboardAppearance scrollPadding enableInteractiveSelection selectionControls onTap "
    "onTapOutside mouseCursor buildCounter scrollController scrollPhysics autofillHints clipBehavior "
    "restorationId enableIMEPersonalizedLearning contextMenuBuilder canRequestFocus undoController "
    "smartDashesType smartQuotesType stylusHandwritingEnabled ignorePointers onTapAlwaysCalled "
    "magnifierConfiguration"
)
_TILE = (
    "mouseCursor activeColor hoverColor overlayColor splashRadius materialTapTargetSize visualDensity focusNode "
    "autofocus shape enabled tileColor title subtitle isThreeLine dense secondary selected controlAffinity "
    "contentPadding selectedTileColor onFocusChange enableFeedback internalAddSemanticForOnTap"
)
_CHIP = (
    "avatar labelStyle labelPadding side shape clipBehavior focusNode autofocus color backgroundColor padding "
    "visualDensity materialTapTargetSize elevation shadowColor surfaceTintColor iconTheme avatarBoxConstraints "
    "tooltip"
)
_INK = (
    "child onTap onDoubleTap onLongPress onLongPressUp onTapDown onTapUp onTapCancel onSecondaryTap "
    "onSecondaryTapUp onSecondaryTapDown onSecondaryTapCancel onHighlightChanged onHover mouseCursor focusColor "
    "hoverColor highlightColor overlayColor splashColor splashFactory radius borderRadius customBorder "
    "enableFeedback excludeFromSemantics focusNode canRequestFocus onFocusChange autofocus statesController "
    "hoverDuration containedInkWell highlightShape"
)
_DRAGGABLE = (
    "data axis childWhenDragging feedbackOffset dragAnchorStrategy maxSimultaneousDrags onDragStarted "
    "onDragUpdate onDraggableCanceled onDragEnd onDragCompleted ignoringFeedbackSemantics "
    "ignoringFeedbackPointer allowedButtonsFilter hitTestBehavior"
)
_GESTURE = (
    "child onTap onTapDown onTapUp onTapCancel onSecondaryTap onDoubleTap onDoubleTapDown onLongPress "
    "onLongPressStart onLongPressEnd onLongPressUp onVerticalDragStart onVerticalDragUpdate "
    "onVerticalDragEnd onHorizontalDragStart onHorizontalDragUpdate onHorizontalDragEnd onPanStart "
    "onPanUpdate onPanEnd onPanDown onScaleStart onScaleUpdate onScaleEnd behavior excludeFromSemantics "
    "dragStartBehavior supportedDevices trackpadScrollCausesScale"
)
_IMAGE = (
    "frameBuilder loadingBuilder errorBuilder semanticLabel excludeFromSemantics width height color opacity "
    "colorBlendMode fit alignment repeat centerSlice matchTextDirection gaplessPlayback isAntiAlias "
    "filterQuality cacheWidth cacheHeight scale headers bundle package"
)
_COLOR_SCHEME = (
    "brightness primary onPrimary primaryContainer onPrimaryContainer secondary onSecondary "
    "secondaryContainer onSecondaryContainer tertiary onTertiary tertiaryContainer onTertiaryContainer "
    "error onError errorContainer onErrorContainer surface onSurface surfaceVariant onSurfaceVariant "
    "surfaceContainerHighest surfaceContainerHigh surfaceContainer surfaceContainerLow "
    "surfaceContainerLowest surfaceDim surfaceBright outline outlineVariant shadow scrim inverseSurface "
    "onInverseSurface inversePrimary surfaceTint background onBackground"
)
_SWITCH_PARAMS = (
    "activeColor activeThumbColor activeTrackColor inactiveThumbColor inactiveTrackColor "
    "activeThumbImage onActiveThumbImageError inactiveThumbImage onInactiveThumbImageError "
    "thumbColor trackColor trackOutlineColor trackOutlineWidth thumbIcon "
    "materialTapTargetSize dragStartBehavior mouseCursor focusColor hoverColor overlayColor "
    "splashRadius focusNode onFocusChange autofocus padding"
)
_THEME_DATA = (
    "useMaterial3 colorScheme colorSchemeSeed brightness primaryColor primarySwatch primaryColorLight "
    "primaryColorDark scaffoldBackgroundColor canvasColor cardColor dividerColor disabledColor hintColor "
    "focusColor hoverColor highlightColor splashColor shadowColor secondaryHeaderColor "
    "unselectedWidgetColor appBarTheme textTheme primaryTextTheme fontFamily fontFamilyFallback package "
    "visualDensity materialTapTargetSize platform iconTheme primaryIconTheme cardTheme chipTheme "
    "dialogTheme dividerTheme elevatedButtonTheme filledButtonTheme outlinedButtonTheme textButtonTheme "
    "iconButtonTheme floatingActionButtonTheme inputDecorationTheme listTileTheme navigationBarTheme "
    "bottomNavigationBarTheme tabBarTheme checkboxTheme radioTheme switchTheme sliderTheme "
    "progressIndicatorTheme bottomSheetTheme drawerTheme snackBarTheme tooltipTheme "
    "pageTransitionsTheme splashFactory extensions iconButtonTheme textSelectionTheme scrollbarTheme "
    "popupMenuTheme menuTheme menuBarTheme menuButtonTheme bannerTheme timePickerTheme datePickerTheme "
    "cupertinoOverrideTheme applyElevationOverlayColor actionIconTheme"
)

_REORDERABLE = (
    "onReorderStart onReorderEnd itemExtent itemExtentBuilder prototypeItem proxyDecorator "
    "buildDefaultDragHandles padding header footer scrollDirection reverse scrollController primary "
    "physics shrinkWrap anchor cacheExtent dragStartBehavior keyboardDismissBehavior restorationId "
    "clipBehavior autoScrollerVelocityScalar"
)
_PAGE_VIEW = (
    "scrollDirection reverse controller physics pageSnapping onPageChanged dragStartBehavior "
    "allowImplicitScrolling restorationId clipBehavior scrollBehavior padEnds hitTestBehavior"
)
_SLIVER_BUILDER = "findChildIndexCallback itemCount addAutomaticKeepAlives addRepaintBoundaries addSemanticIndexes"
_TWEENS = (
    "Tween ColorTween SizeTween RectTween IntTween StepTween AlignmentTween AlignmentGeometryTween "
    "EdgeInsetsTween EdgeInsetsGeometryTween BorderRadiusTween DecorationTween TextStyleTween RelativeRectTween "
    "BoxConstraintsTween FractionalOffsetTween MaterialRectArcTween MaterialRectCenterArcTween"
)

CLASSES: dict[str, dict[str, Signature]] = {
    # --- app and structure ---
    "MaterialApp": {
        "": sig(
            "",
            "navigatorKey scaffoldMessengerKey home routes initialRoute onGenerateRoute "
            "onGenerateInitialRoutes onUnknownRoute navigatorObservers builder title "
            "onGenerateTitle color theme darkTheme highContrastTheme highContrastDarkTheme "
            "themeMode themeAnimationDuration themeAnimationCurve themeAnimationStyle locale "
            "localizationsDelegates localeListResolutionCallback localeResolutionCallback "
            "supportedLocales debugShowMaterialGrid showPerformanceOverlay "
            "checkerboardRasterCacheImages checkerboardOffscreenLayers showSemanticsDebugger "
            "debugShowCheckedModeBanner shortcuts actions restorationScopeId scrollBehavior",
        )
    },
    "Scaffold": {
        "": sig(
            "",
            "appBar body floatingActionButton floatingActionButtonLocation "
            "floatingActionButtonAnimator persistentFooterButtons persistentFooterAlignment drawer "
            "onDrawerChanged endDrawer onEndDrawerChanged bottomNavigationBar bottomSheet "
            "backgroundColor resizeToAvoidBottomInset primary drawerDragStartBehavior extendBody "
            "extendBodyBehindAppBar drawerScrimColor drawerEdgeDragWidth "
            "drawerEnableOpenDragGesture endDrawerEnableOpenDragGesture restorationId",
        )
    },
    "AppBar": {
        "": sig(
            "",
            "leading automaticallyImplyLeading title actions flexibleSpace bottom elevation "
            "scrolledUnderElevation notificationPredicate shadowColor surfaceTintColor shape "
            "backgroundColor foregroundColor iconTheme actionsIconTheme primary centerTitle "
            "excludeHeaderSemantics titleSpacing toolbarOpacity bottomOpacity toolbarHeight "
            "leadingWidth toolbarTextStyle titleTextStyle systemOverlayStyle "
            "forceMaterialTransparency useDefaultSemanticsOrder clipBehavior actionsPadding",
        )
    },
    "SafeArea": {"": sig("", "left top right bottom minimum maintainBottomViewPadding", "child")},
    "Builder": {"": sig("", "", "builder")},
    "Theme": {"": sig("", "", "data child")},
    "RadioTheme": {"": sig("", "", "data child")},
    "MaterialBanner": {
        "": sig(
            "",
            "leading backgroundColor surfaceTintColor shadowColor dividerColor padding "
            "leadingPadding contentTextStyle elevation margin forceActionsBelow "
            "overflowAlignment onVisible animation",
            "content actions",
        )
    },
    # --- layout ---
    "Column": {"": sig("", _FLEX)},
    "Row": {"": sig("", _FLEX)},
    "Flex": {"": sig("", _FLEX + " clipBehavior", "direction")},
    "Stack": {"": sig("", "alignment textDirection fit clipBehavior children")},
    "Positioned": {
        "": sig("", "left top right bottom width height", "child"),
        "fill": sig("", "left top right bottom", "child"),
        "directional": sig("", "start top end bottom width height", "textDirection child"),
    },
    "Container": {
        "": sig(
            "",
            "alignment padding color decoration foregroundDecoration width height constraints "
            "margin transform transformAlignment child clipBehavior",
        )
    },
    "Padding": {"": sig("", "child", "padding")},
    "SizedBox": {
        "": sig("", "width height child"),
        "expand": sig("", "child"),
        "shrink": sig("", "child"),
        "square": sig("", "child dimension"),
        "fromSize": sig("", "child size"),
    },
    "Center": {"": sig("", "widthFactor heightFactor child")},
    "Align": {"": sig("", "alignment widthFactor heightFactor child")},
    "Expanded": {"": sig("", "flex", "child")},
    "Flexible": {"": sig("", "flex fit", "child")},
    "Spacer": {"": sig("", "flex")},
    "Wrap": {
        "": sig(
            "",
            "direction alignment spacing runAlignment runSpacing crossAxisAlignment textDirection "
            "verticalDirection clipBehavior children",
        )
    },
    "SingleChildScrollView": {
        "": sig(
            "",
            "scrollDirection reverse padding primary physics controller child "
            "dragStartBehavior clipBehavior hitTestBehavior restorationId "
            "keyboardDismissBehavior",
        )
    },
    "ListView": {
        "": sig("", _LIST + " children"),
        "builder": sig("", _LIST + " itemCount findChildIndexCallback", "itemBuilder"),
        "separated": sig("", _SCROLL + " findChildIndexCallback", "itemBuilder separatorBuilder itemCount"),
        "custom": sig(
            "",
            "scrollDirection reverse controller primary physics shrinkWrap padding itemExtent "
            "prototypeItem itemExtentBuilder cacheExtent semanticChildCount dragStartBehavior "
            "keyboardDismissBehavior restorationId clipBehavior",
            "childrenDelegate",
        ),
    },
    "GridView": {
        "": sig("", _SCROLL + " children", "gridDelegate"),
        "count": sig("", _SCROLL + " " + _GRID_DELEGATE + " children", "crossAxisCount"),
        "extent": sig("", _SCROLL + " " + _GRID_DELEGATE + " children", "maxCrossAxisExtent"),
        "builder": sig("", _SCROLL + " itemCount findChildIndexCallback", "gridDelegate itemBuilder"),
    },
    "SliverGridDelegateWithFixedCrossAxisCount": {"": sig("", _GRID_DELEGATE, "crossAxisCount")},
    "SliverGridDelegateWithMaxCrossAxisExtent": {"": sig("", _GRID_DELEGATE, "maxCrossAxisExtent")},
    "ClipRRect": {"": sig("", "borderRadius clipper clipBehavior child")},
    "ClipOval": {"": sig("", "clipper clipBehavior child")},
    "Opacity": {"": sig("", "alwaysIncludeSemantics child", "opacity")},
    "DecoratedBox": {"": sig("", "position child", "decoration")},
    "ConstrainedBox": {"": sig("", "child", "constraints")},
    "AspectRatio": {"": sig("", "child", "aspectRatio")},
    "RotatedBox": {"": sig("", "child", "quarterTurns")},
    "AnnotatedRegion": {"": sig("", "sized", "value child")},
    "FittedBox": {"": sig("", "fit alignment clipBehavior child")},
    "OverflowBox": {"": sig("", "alignment minWidth maxWidth minHeight maxHeight fit child")},
    "OverflowBar": {
        "": sig(
            "",
            "spacing alignment overflowSpacing overflowAlignment overflowDirection textDirection clipBehavior children",
        )
    },
    "Visibility": {
        "": sig(
            "",
            "replacement visible maintainState maintainAnimation maintainSize "
            "maintainSemantics maintainInteractivity maintainFocusability",
            "child",
        )
    },
    "Offstage": {"": sig("", "offstage child")},
    "PreferredSize": {"": sig("", "", "preferredSize child")},
    "FractionallySizedBox": {"": sig("", "alignment widthFactor heightFactor child")},
    "AnimatedFractionallySizedBox": {"": sig("", "alignment child heightFactor widthFactor curve onEnd", "duration")},
    "Dismissible": {
        "": sig(
            "",
            "background secondaryBackground confirmDismiss onResize onUpdate onDismissed "
            "direction resizeDuration dismissThresholds movementDuration crossAxisEndOffset "
            "dragStartBehavior behavior",
            "key child",
        )
    },
    "InteractiveViewer": {
        "": sig(
            "",
            "clipBehavior panAxis boundaryMargin constrained maxScale minScale "
            "interactionEndFrictionCoefficient onInteractionEnd onInteractionStart "
            "onInteractionUpdate panEnabled scaleEnabled scaleFactor transformationController "
            "alignment trackpadScrollCausesScale alignPanAxis",
            "child",
        )
    },
    "DraggableScrollableSheet": {
        "": sig(
            "",
            "initialChildSize minChildSize maxChildSize expand snap snapSizes "
            "snapAnimationDuration controller shouldCloseOnMinExtent",
            "builder",
        )
    },
    "MatrixTransition": {"": sig("", "alignment filterQuality child", "animation onTransform")},
    "Navigator": {
        "": sig(
            "",
            "pages onPopPage initialRoute onGenerateInitialRoutes onGenerateRoute onUnknownRoute "
            "transitionDelegate reportsRouteUpdateToEngine clipBehavior observers requestFocus "
            "restorationScopeId routeTraversalEdgeBehavior",
        )
    },
    "NavigatorPopHandler": {"": sig("", "onPop enabled", "child")},
    "Draggable": {"": sig("", _DRAGGABLE + " affinity rootOverlay", "child feedback")},
    "LongPressDraggable": {"": sig("", _DRAGGABLE + " delay hapticFeedbackOnStart", "child feedback")},
    "DragTarget": {
        "": sig(
            "",
            "onWillAccept onWillAcceptWithDetails onAccept onAcceptWithDetails onLeave onMove hitTestBehavior",
            "builder",
        )
    },
    "RouteSettings": {"": sig("", "name arguments")},
    "MaterialPageRoute": {
        "": sig(
            "", "settings requestFocus maintainState fullscreenDialog allowSnapshotting barrierDismissible", "builder"
        )
    },
    "MaterialPage": {
        "": sig("", "maintainState fullscreenDialog allowSnapshotting key name arguments restorationId", "child")
    },
    "AnimatedList": {
        "": sig(
            "",
            "initialItemCount scrollDirection reverse controller primary physics shrinkWrap padding clipBehavior",
            "itemBuilder",
        )
    },
    "AnimatedGrid": {
        "": sig(
            "",
            "initialItemCount scrollDirection reverse controller primary physics padding clipBehavior",
            "gridDelegate itemBuilder",
        )
    },
    "FutureBuilder": {"": sig("", "future initialData", "builder")},
    "StreamBuilder": {"": sig("", "initialData stream", "builder")},
    "IndexedStack": {"": sig("", "alignment textDirection clipBehavior sizing index children")},
    # --- text and images ---
    "Text": {"": sig("data", _TEXT), "rich": sig("textSpan", _TEXT)},
    "RichText": {
        "": sig(
            "",
            "textAlign textDirection softWrap overflow textScaleFactor textScaler maxLines "
            "locale strutStyle textWidthBasis textHeightBehavior selectionRegistrar "
            "selectionColor",
            "text",
        )
    },
    "TextSpan": {
        "": sig(
            "",
            "text children style recognizer mouseCursor onEnter onExit semanticsLabel "
            "semanticsIdentifier locale spellOut",
        )
    },
    "Icon": {
        "": sig(
            "icon",
            "size fill weight grade opticalSize color shadows semanticLabel textDirection "
            "applyTextScaling blendMode fontWeight",
        )
    },
    "Image": {
        "": sig("", _IMAGE, "image"),
        "asset": sig("name", _IMAGE),
        "network": sig("src", _IMAGE),
    },
    "NetworkImage": {"": sig("url", "scale headers webHtmlElementStrategy")},
    "AssetImage": {"": sig("assetName", "bundle package")},
    "CircleAvatar": {
        "": sig(
            "",
            "child backgroundColor backgroundImage foregroundImage onBackgroundImageError "
            "onForegroundImageError foregroundColor radius minRadius maxRadius",
        )
    },
    # --- material surfaces ---
    "Card": {
        name: sig(
            "",
            "color shadowColor surfaceTintColor elevation shape borderOnForeground margin "
            "clipBehavior child semanticContainer",
        )
        for name in ("", "filled", "outlined")
    },
    "ListTile": {
        "": sig(
            "",
            "leading title subtitle trailing isThreeLine dense visualDensity shape style "
            "selectedColor iconColor textColor titleTextStyle subtitleTextStyle "
            "leadingAndTrailingTextStyle contentPadding enabled onTap onLongPress onFocusChange "
            "mouseCursor selected focusColor hoverColor splashColor focusNode autofocus tileColor "
            "selectedTileColor enableFeedback horizontalTitleGap minVerticalPadding "
            "minLeadingWidth minTileHeight titleAlignment internalAddSemanticForOnTap",
        )
    },
    "Divider": {"": sig("", "height thickness indent endIndent color radius")},
    "VerticalDivider": {"": sig("", "width thickness indent endIndent color radius")},
    "Drawer": {
        "": sig(
            "", "backgroundColor elevation shadowColor surfaceTintColor shape width child semanticLabel clipBehavior"
        )
    },
    "DrawerHeader": {"": sig("", "decoration margin padding duration curve", "child")},
    "AlertDialog": {
        "": sig(
            "",
            "icon iconPadding iconColor title titlePadding titleTextStyle content "
            "contentPadding contentTextStyle actions actionsPadding actionsAlignment "
            "actionsOverflowAlignment actionsOverflowDirection actionsOverflowButtonSpacing "
            "buttonPadding backgroundColor elevation shadowColor surfaceTintColor semanticLabel "
            "insetPadding clipBehavior shape alignment scrollable constraints",
        )
    },
    "BottomSheet": {
        "": sig(
            "",
            "animationController enableDrag showDragHandle dragHandleColor dragHandleSize "
            "onDragStart onDragEnd backgroundColor shadowColor elevation shape clipBehavior "
            "constraints",
            "onClosing builder",
        )
    },
    "Tooltip": {
        "": sig(
            "",
            "message richMessage height constraints padding margin verticalOffset preferBelow "
            "excludeFromSemantics decoration textStyle textAlign waitDuration showDuration "
            "exitDuration enableTapToDismiss triggerMode enableFeedback onTriggered mouseCursor "
            "ignorePointer child",
        )
    },
    "InkWell": {"": sig("", _INK)},
    "GestureDetector": {"": sig("", _GESTURE)},
    "Form": {"": sig("", "canPop onPopInvoked onPopInvokedWithResult onChanged autovalidateMode", "child")},
    # --- buttons ---
    "ElevatedButton": {
        "": sig("", _BUTTON, "onPressed child"),
        "icon": sig("", _BUTTON + " icon", "onPressed label"),
        "styleFrom": sig("", _STYLE_FROM),
    },
    "FilledButton": {
        "": sig("", _BUTTON, "onPressed child"),
        "tonal": sig("", _BUTTON, "onPressed child"),
        "icon": sig("", _BUTTON + " icon", "onPressed label"),
        "tonalIcon": sig("", _BUTTON + " icon", "onPressed label"),
        "styleFrom": sig("", _STYLE_FROM),
    },
    "TextButton": {
        "": sig("", _BUTTON + " isSemanticButton", "onPressed child"),
        "icon": sig("", _BUTTON + " icon", "onPressed label"),
        "styleFrom": sig("", _STYLE_FROM),
    },
    "OutlinedButton": {
        "": sig("", _BUTTON, "onPressed child"),
        "icon": sig("", _BUTTON + " icon", "onPressed label"),
        "styleFrom": sig("", _STYLE_FROM),
    },
    # its style factory (a DropdownMenuEntry's style in the closed menu's entries) and the button of a
    # MenuAnchor's menuChildren, which only the open menu shows
    "MenuItemButton": {
        "styleFrom": sig("", _STYLE_FROM),
        "": sig(
            "",
            "onPressed onHover requestFocusOnHover onFocusChange focusNode shortcut "
            "semanticsLabel style statesController clipBehavior leadingIcon trailingIcon "
            "closeOnActivate overflowAxis child",
        ),
    },
    "IconButton": {name: sig("", _ICON_BUTTON, "onPressed icon") for name in ("", "filled", "filledTonal", "outlined")},
    "FloatingActionButton": {
        "": sig("", _FAB + " child mini isExtended", "onPressed"),
        "small": sig("", _FAB + " child", "onPressed"),
        "large": sig("", _FAB + " child", "onPressed"),
        "extended": sig(
            "", _FAB + " icon isExtended extendedIconLabelSpacing extendedPadding extendedTextStyle", "onPressed label"
        ),
    },
    "ButtonStyle": {
        "": sig(
            "",
            "textStyle backgroundColor foregroundColor overlayColor shadowColor "
            "surfaceTintColor elevation padding minimumSize fixedSize maximumSize iconColor "
            "iconSize iconAlignment side shape mouseCursor visualDensity tapTargetSize "
            "animationDuration enableFeedback alignment splashFactory backgroundBuilder "
            "foregroundBuilder",
        )
    },
    "WidgetStatePropertyAll": {"": sig("value")},
    "MaterialStatePropertyAll": {"": sig("value")},
    # --- inputs ---
    "TextField": {"": sig("", _FIELD)},
    "TextFormField": {
        "": sig(
            "", _FIELD + " initialValue validator onSaved onFieldSubmitted autovalidateMode forceErrorText errorBuilder"
        )
    },
    "InputDecoration": {
        "": sig(
            "",
            "icon iconColor label labelText labelStyle floatingLabelStyle helper helperText "
            "helperStyle helperMaxLines hintText hint hintStyle hintTextDirection "
            "hintMaxLines hintFadeDuration maintainHintHeight maintainHintSize error "
            "errorText errorStyle errorMaxLines floatingLabelBehavior floatingLabelAlignment "
            "isCollapsed isDense contentPadding prefixIcon prefixIconConstraints prefix "
            "prefixText prefixStyle prefixIconColor suffixIcon suffix suffixText suffixStyle "
            "suffixIconColor suffixIconConstraints counter counterText counterStyle filled "
            "fillColor focusColor hoverColor errorBorder focusedBorder focusedErrorBorder "
            "disabledBorder enabledBorder border enabled semanticCounterText "
            "alignLabelWithHint constraints visualDensity",
        ),
        "collapsed": sig(
            "",
            "hintStyle hintTextDirection filled fillColor focusColor hoverColor border enabled maintainHintHeight",
            "hintText",
        ),
    },
    "InputBorder": {},  # abstract; only its static `InputBorder.none` (CONSTANTS) is used
    "OutlineInputBorder": {"": sig("", "borderSide borderRadius gapPadding")},
    "UnderlineInputBorder": {"": sig("", "borderSide borderRadius")},
    "Checkbox": {
        "": sig(
            "",
            "tristate mouseCursor activeColor fillColor checkColor focusColor hoverColor "
            "overlayColor splashRadius materialTapTargetSize visualDensity focusNode autofocus "
            "shape side isError semanticLabel",
            "value onChanged",
        )
    },
    "CheckboxListTile": {
        "": sig(
            "",
            _TILE + " fillColor checkColor side isError tristate checkboxShape "
            "checkboxSemanticLabel checkboxScaleFactor titleAlignment",
            "value onChanged",
        )
    },
    "Switch": {
        "": sig("", _SWITCH_PARAMS, "value onChanged"),
        "adaptive": sig("", _SWITCH_PARAMS + " applyCupertinoTheme", "value onChanged"),
    },
    "SwitchListTile": {
        "": sig(
            "",
            _TILE + " activeThumbColor activeTrackColor inactiveThumbColor "
            "inactiveTrackColor activeThumbImage inactiveThumbImage thumbColor "
            "trackColor trackOutlineColor thumbIcon dragStartBehavior",
            "value onChanged",
        )
    },
    "Radio": {
        "": sig(
            "",
            "groupValue onChanged mouseCursor toggleable activeColor fillColor focusColor hoverColor "
            "overlayColor splashRadius materialTapTargetSize visualDensity focusNode autofocus "
            "enabled groupRegistry backgroundColor side innerRadius",
            "value",
        )
    },
    "RadioListTile": {
        "": sig(
            "",
            _TILE + " groupValue onChanged toggleable fillColor radioScaleFactor "
            "radioBackgroundColor radioSide radioInnerRadius",
            "value",
        )
    },
    "RadioGroup": {"": sig("", "groupValue", "onChanged child")},
    "RangeSlider": {
        "": sig(
            "",
            "activeColor divisions inactiveColor labels max min mouseCursor onChangeEnd "
            "onChangeStart overlayColor semanticFormatterCallback",
            "onChanged values",
        )
    },
    "RangeValues": {"": sig("start end")},
    "RangeLabels": {"": sig("start end")},
    "Slider": {
        "": sig(
            "",
            "secondaryTrackValue onChangeStart onChangeEnd min max divisions label activeColor "
            "inactiveColor secondaryActiveColor thumbColor overlayColor mouseCursor "
            "semanticFormatterCallback focusNode autofocus allowedInteraction padding year2023 "
            "showValueIndicator",
            "value onChanged",
        )
    },
    "DropdownButton": {
        "": sig(
            "",
            "selectedItemBuilder value hint disabledHint onTap elevation style underline icon "
            "iconDisabledColor iconEnabledColor iconSize isDense isExpanded itemHeight "
            "menuWidth focusColor focusNode autofocus dropdownColor menuMaxHeight "
            "enableFeedback alignment borderRadius padding barrierDismissible",
            "items onChanged",
        )
    },
    "DropdownButtonFormField": {
        "": sig(
            "",
            "value initialValue selectedItemBuilder hint disabledHint onTap "
            "elevation style icon iconDisabledColor iconEnabledColor iconSize "
            "isDense isExpanded itemHeight focusColor focusNode autofocus "
            "dropdownColor decoration onSaved validator autovalidateMode "
            "menuMaxHeight enableFeedback alignment borderRadius padding",
            "items onChanged",
        )
    },
    "DropdownMenuItem": {"": sig("", "onTap value enabled alignment", "child")},
    # --- chips, badges, progress ---
    "Chip": {
        "": sig(
            "",
            _CHIP + " deleteIcon onDeleted deleteIconColor deleteButtonTooltipMessage deleteIconBoxConstraints",
            "label",
        )
    },
    "ActionChip": {"": sig("", _CHIP + " onPressed pressElevation disabledColor", "label")},
    "FilterChip": {
        "": sig(
            "",
            _CHIP + " pressElevation disabledColor selectedColor selectedShadowColor "
            "showCheckmark checkmarkColor deleteIcon onDeleted",
            "label selected onSelected",
        )
    },
    "ChoiceChip": {
        "": sig(
            "",
            _CHIP + " onSelected pressElevation disabledColor selectedColor "
            "selectedShadowColor showCheckmark checkmarkColor",
            "label selected",
        )
    },
    "InputChip": {
        "": sig(
            "",
            _CHIP + " selected isEnabled onSelected deleteIcon onDeleted deleteIconColor onPressed "
            "pressElevation disabledColor selectedColor selectedShadowColor showCheckmark "
            "checkmarkColor",
            "label",
        )
    },
    "Badge": {
        "": sig(
            "",
            "backgroundColor textColor smallSize largeSize textStyle padding alignment offset label "
            "isLabelVisible child",
        ),
        "count": sig(
            "",
            "backgroundColor textColor smallSize largeSize textStyle padding alignment offset "
            "maxCount isLabelVisible child",
            "count",
        ),
    },
    "CircularProgressIndicator": {
        "": sig(
            "",
            "value backgroundColor color valueColor strokeWidth strokeAlign "
            "semanticsLabel semanticsValue strokeCap constraints trackGap year2023 "
            "padding",
        )
    },
    "LinearProgressIndicator": {
        "": sig(
            "",
            "value backgroundColor color valueColor minHeight semanticsLabel "
            "semanticsValue borderRadius stopIndicatorColor stopIndicatorRadius "
            "trackGap year2023",
        )
    },
    # --- navigation ---
    "BottomNavigationBar": {
        "": sig(
            "",
            "onTap currentIndex elevation type fixedColor backgroundColor iconSize "
            "selectedItemColor unselectedItemColor selectedIconTheme "
            "unselectedIconTheme selectedFontSize unselectedFontSize selectedLabelStyle "
            "unselectedLabelStyle showSelectedLabels showUnselectedLabels mouseCursor "
            "enableFeedback landscapeLayout useLegacyColorScheme",
            "items",
        )
    },
    "BottomNavigationBarItem": {"": sig("", "label activeIcon backgroundColor tooltip", "icon")},
    "NavigationBar": {
        "": sig(
            "",
            "animationDuration selectedIndex onDestinationSelected backgroundColor "
            "elevation shadowColor surfaceTintColor indicatorColor indicatorShape height "
            "labelBehavior overlayColor labelTextStyle labelPadding maintainBottomViewPadding",
            "destinations",
        )
    },
    "NavigationDestination": {"": sig("", "selectedIcon tooltip enabled", "icon label")},
    "TabBar": {
        name: sig(
            "",
            "controller isScrollable padding indicatorColor automaticIndicatorColorAdjustment "
            "indicatorWeight indicatorPadding indicator indicatorSize dividerColor dividerHeight "
            "labelColor labelStyle labelPadding unselectedLabelColor unselectedLabelStyle "
            "dragStartBehavior overlayColor mouseCursor enableFeedback onTap onHover "
            "onFocusChange physics splashFactory splashBorderRadius tabAlignment textScaler "
            "indicatorAnimation",
            "tabs",
        )
        for name in ("", "secondary")
    },
    "Tab": {"": sig("", "text icon iconMargin height child")},
    "TabBarView": {"": sig("", "controller physics dragStartBehavior viewportFraction clipBehavior", "children")},
    "DefaultTabController": {"": sig("", "initialIndex animationDuration", "length child")},
    "TabController": {"": sig("", "initialIndex animationDuration", "length vsync")},
    "ToggleButtons": {
        "": sig(
            "",
            "onPressed mouseCursor tapTargetSize textStyle constraints color selectedColor "
            "disabledColor fillColor focusColor highlightColor hoverColor splashColor focusNodes "
            "renderBorder borderColor selectedBorderColor disabledBorderColor borderRadius "
            "borderWidth direction verticalDirection",
            "children isSelected",
        )
    },
    "AboutListTile": {
        "": sig(
            "",
            "icon child applicationName applicationVersion applicationIcon applicationLegalese aboutBoxChildren dense",
        )
    },
    # page transitions only play when a route is pushed: a still frame never shows them
    "PageTransitionsTheme": {"": sig("", "builders")},
    **{
        name: {"": sig()}
        for name in (
            "CupertinoPageTransitionsBuilder",
            "OpenUpwardsPageTransitionsBuilder",
            "FadeUpwardsPageTransitionsBuilder",
        )
    },
    "ZoomPageTransitionsBuilder": {"": sig("", "allowEnterRouteSnapshotting allowSnapshotting")},
    "DropdownMenu": {
        "": sig(
            "",
            "controller enableFilter enableSearch enabled errorText expandedInsets helperText "
            "hintText initialSelection inputDecorationTheme label leadingIcon menuHeight "
            "menuStyle onSelected requestFocusOnTap searchCallback selectedTrailingIcon "
            "textStyle trailingIcon width",
            "dropdownMenuEntries",
        )
    },
    "DropdownMenuEntry": {"": sig("", "enabled labelWidget leadingIcon style trailingIcon", "label value")},
    "ActionIconThemeData": {
        "": sig("", "backButtonIconBuilder closeButtonIconBuilder drawerButtonIconBuilder endDrawerButtonIconBuilder")
    },
    "PaginatedDataTable": {
        "": sig(
            "",
            "actions arrowHeadColor availableRowsPerPage checkboxHorizontalMargin "
            "columnSpacing controller dataRowHeight dataRowMaxHeight dataRowMinHeight "
            "dragStartBehavior header headingRowColor headingRowHeight horizontalMargin "
            "initialFirstRowIndex onPageChanged onRowsPerPageChanged onSelectAll primary "
            "rowsPerPage showCheckboxColumn showEmptyRows showFirstLastButtons "
            "sortAscending sortColumnIndex",
            "columns source",
        )
    },
    "ExpansionPanelList": {
        "": sig(
            "",
            "children expansionCallback animationDuration expandedHeaderPadding dividerColor elevation "
            "expandIconColor materialGapSize",
        ),
        "radio": sig(
            "",
            "children expansionCallback animationDuration initialOpenPanelValue expandedHeaderPadding "
            "dividerColor elevation expandIconColor materialGapSize",
        ),
    },
    "ExpansionPanel": {"": sig("", "isExpanded canTapOnHeader backgroundColor", "headerBuilder body")},
    "ExpansionPanelRadio": {"": sig("", "canTapOnHeader backgroundColor", "value headerBuilder body")},
    # --- apps, surfaces and painting (issue 15) ---
    "WidgetsApp": {
        "": sig(
            "",
            "navigatorKey onGenerateRoute onGenerateInitialRoutes onUnknownRoute "
            "onNavigationNotification navigatorObservers initialRoute pageRouteBuilder home routes "
            "builder title onGenerateTitle textStyle locale localizationsDelegates "
            "localeListResolutionCallback localeResolutionCallback supportedLocales "
            "showPerformanceOverlay checkerboardRasterCacheImages checkerboardOffscreenLayers "
            "showSemanticsDebugger debugShowWidgetInspector debugShowCheckedModeBanner "
            "inspectorSelectButtonBuilder shortcuts actions restorationScopeId "
            "useInheritedMediaQuery",
            "color",
        )
    },
    "ColoredBox": {"": sig("", "child", "color")},
    "ClipRect": {"": sig("", "clipper clipBehavior child")},
    "Placeholder": {"": sig("", "color strokeWidth fallbackWidth fallbackHeight child")},
    "FlutterLogo": {"": sig("", "size textColor style duration curve")},
    "DefaultTextStyle": {
        "": sig("", "textAlign softWrap overflow maxLines textWidthBasis textHeightBehavior", "style child"),
        "merge": sig("", "style textAlign softWrap overflow maxLines textWidthBasis textHeightBehavior", "child"),
    },
    "Material": {
        "": sig(
            "",
            "type elevation color shadowColor surfaceTintColor textStyle borderRadius shape "
            "borderOnForeground clipBehavior animationDuration child",
        )
    },
    "Ink": {
        "": sig("", "padding color decoration width height child"),
        "image": sig(
            "",
            "padding onImageError colorFilter fit alignment centerSlice repeat matchTextDirection width height child",
            "image",
        ),
    },
    "MaterialButton": {
        "": sig(
            "",
            "onLongPress onHighlightChanged mouseCursor textTheme textColor disabledTextColor "
            "color disabledColor focusColor hoverColor highlightColor splashColor "
            "colorBrightness elevation focusElevation hoverElevation highlightElevation "
            "disabledElevation padding visualDensity shape clipBehavior focusNode autofocus "
            "materialTapTargetSize animationDuration minWidth height enableFeedback child",
            "onPressed",
        )
    },
    "Transform": {
        "": sig("", "origin alignment transformHitTests filterQuality child", "transform"),
        "rotate": sig("", "origin alignment transformHitTests filterQuality child", "angle"),
        "translate": sig("", "transformHitTests filterQuality child", "offset"),
        "scale": sig("", "scale scaleX scaleY origin alignment transformHitTests filterQuality child"),
        "flip": sig("", "flipX flipY origin transformHitTests filterQuality child"),
    },
    "DecorationImage": {
        "": sig(
            "",
            "onError colorFilter fit alignment centerSlice repeat matchTextDirection scale "
            "opacity filterQuality invertColors isAntiAlias",
            "image",
        )
    },
    "FontFeature": {
        "": sig("feature value", optional_positional=1),
        "enable": sig("feature"),
        "disable": sig("feature"),
        "alternative": sig("value"),
        "alternativeFractions": sig(),
        "contextualAlternates": sig(),
        "caseSensitiveForms": sig(),
        "characterVariant": sig("value"),
        "denominator": sig(),
        "fractions": sig(),
        "historicalForms": sig(),
        "historicalLigatures": sig(),
        "liningFigures": sig(),
        "localeAware": sig("", "enable"),
        "notationalForms": sig("value", optional_positional=1),
        "numerators": sig(),
        "oldstyleFigures": sig(),
        "ordinalForms": sig(),
        "proportionalFigures": sig(),
        "randomize": sig(),
        "stylisticAlternates": sig(),
        "scientificInferiors": sig(),
        "stylisticSet": sig("value"),
        "subscripts": sig(),
        "superscripts": sig(),
        "swash": sig("value", optional_positional=1),
        "tabularFigures": sig(),
        "slashedZero": sig(),
    },
    # --- animations, at their first frame (issue 15) ---
    "AnimationController": {
        "": sig("", "value duration reverseDuration debugLabel lowerBound upperBound animationBehavior", "vsync"),
        "unbounded": sig("", "value duration reverseDuration debugLabel animationBehavior", "vsync"),
    },
    "CurvedAnimation": {"": sig("", "reverseCurve", "parent curve")},
    "ReverseAnimation": {"": sig("parent")},
    "AlwaysStoppedAnimation": {"": sig("value")},
    **{name: {"": sig("", "begin end")} for name in _TWEENS.split()},
    "ConstantTween": {"": sig("value")},
    "CurveTween": {"": sig("", "", "curve")},
    "Interval": {"": sig("begin end", "curve")},
    "Threshold": {"": sig("threshold")},
    "Cubic": {"": sig("a b c d")},
    "ValueNotifier": {"": sig("value")},
    "AnimatedContainer": {
        "": sig(
            "",
            "alignment padding color decoration foregroundDecoration width height "
            "constraints margin transform transformAlignment child clipBehavior curve onEnd",
            "duration",
        )
    },
    "AnimatedOpacity": {"": sig("", "child curve onEnd alwaysIncludeSemantics", "opacity duration")},
    "AnimatedPadding": {"": sig("", "child curve onEnd", "padding duration")},
    "AnimatedAlign": {"": sig("", "child heightFactor widthFactor curve onEnd", "alignment duration")},
    "AnimatedPositioned": {
        "": sig("", "left top right bottom width height curve onEnd", "child duration"),
        "fromRect": sig("", "curve onEnd", "child rect duration"),
    },
    "AnimatedPositionedDirectional": {"": sig("", "start top end bottom width height curve onEnd", "child duration")},
    "AnimatedDefaultTextStyle": {
        "": sig(
            "",
            "textAlign softWrap overflow maxLines textWidthBasis textHeightBehavior curve onEnd",
            "child style duration",
        )
    },
    "AnimatedSize": {"": sig("", "child alignment curve reverseDuration clipBehavior onEnd vsync", "duration")},
    "AnimatedCrossFade": {
        "": sig(
            "",
            "firstCurve secondCurve sizeCurve alignment reverseDuration layoutBuilder excludeBottomFocus",
            "firstChild secondChild crossFadeState duration",
        )
    },
    "AnimatedSwitcher": {
        "": sig("", "child reverseDuration switchInCurve switchOutCurve transitionBuilder layoutBuilder", "duration")
    },
    "AnimatedRotation": {"": sig("", "child alignment filterQuality curve onEnd", "turns duration")},
    "AnimatedScale": {"": sig("", "child alignment filterQuality curve onEnd", "scale duration")},
    "AnimatedSlide": {"": sig("", "child curve onEnd", "offset duration")},
    "AnimatedTheme": {"": sig("", "curve duration onEnd", "data child")},
    "AnimatedIcon": {"": sig("", "color size semanticLabel textDirection", "icon progress")},
    "FadeTransition": {"": sig("", "alwaysIncludeSemantics child", "opacity")},
    "SlideTransition": {"": sig("", "transformHitTests textDirection child", "position")},
    "ScaleTransition": {"": sig("", "alignment filterQuality child", "scale")},
    "RotationTransition": {"": sig("", "alignment filterQuality child", "turns")},
    "SizeTransition": {"": sig("", "axis axisAlignment fixedCrossAxisSizeFactor child", "sizeFactor")},
    "PositionedTransition": {"": sig("", "", "rect child")},
    "RelativePositionedTransition": {"": sig("", "", "rect size child")},
    "AlignTransition": {"": sig("", "widthFactor heightFactor", "alignment child")},
    "DecoratedBoxTransition": {"": sig("", "position", "decoration child")},
    "DefaultTextStyleTransition": {"": sig("", "textAlign softWrap overflow maxLines", "style child")},
    "AnimatedBuilder": {"": sig("", "child", "animation builder")},
    "ListenableBuilder": {"": sig("", "child", "listenable builder")},
    "ValueListenableBuilder": {"": sig("", "child", "valueListenable builder")},
    "TweenAnimationBuilder": {"": sig("", "curve onEnd child", "tween duration builder")},
    "StatefulBuilder": {"": sig("", "", "builder")},
    "OrientationBuilder": {"": sig("", "", "builder")},
    "LayoutBuilder": {"": sig("", "", "builder")},
    "Hero": {
        "": sig("", "createRectTween flightShuttleBuilder placeholderBuilder transitionOnUserGestures", "tag child")
    },
    "RelativeRect": {
        "fromLTRB": sig("left top right bottom"),
        "fromSize": sig("rect container"),
        "fromRect": sig("rect container"),
    },
    "Rect": {
        "fromLTWH": sig("left top width height"),
        "fromLTRB": sig("left top right bottom"),
        "fromCenter": sig("", "", "center width height"),
        "fromCircle": sig("", "", "center radius"),
        "fromPoints": sig("a b"),
    },
    # --- cupertino (issue 15) ---
    "CupertinoApp": {
        "": sig(
            "",
            "navigatorKey home theme routes initialRoute onGenerateRoute onGenerateInitialRoutes "
            "onUnknownRoute onNavigationNotification navigatorObservers builder title "
            "onGenerateTitle color locale localizationsDelegates localeListResolutionCallback "
            "localeResolutionCallback supportedLocales showPerformanceOverlay "
            "checkerboardRasterCacheImages checkerboardOffscreenLayers showSemanticsDebugger "
            "debugShowCheckedModeBanner shortcuts actions restorationScopeId scrollBehavior "
            "useInheritedMediaQuery",
        )
    },
    "CupertinoThemeData": {
        "": sig(
            "",
            "brightness primaryColor primaryContrastingColor textTheme barBackgroundColor "
            "scaffoldBackgroundColor applyThemeToAll",
        )
    },
    "CupertinoPageScaffold": {"": sig("", "navigationBar backgroundColor resizeToAvoidBottomInset", "child")},
    "CupertinoNavigationBar": {
        "": sig(
            "",
            "leading automaticallyImplyLeading automaticallyImplyMiddle "
            "previousPageTitle middle trailing border backgroundColor brightness "
            "padding transitionBetweenRoutes heroTag",
        )
    },
    "CupertinoButton": {
        "": sig("", "padding color disabledColor minSize pressedOpacity borderRadius alignment", "child onPressed"),
        "filled": sig("", "padding disabledColor minSize pressedOpacity borderRadius alignment", "child onPressed"),
    },
    "CupertinoSwitch": {
        "": sig(
            "",
            "activeColor trackColor thumbColor applyTheme focusColor onLabelColor "
            "offLabelColor focusNode onFocusChange autofocus dragStartBehavior",
            "value onChanged",
        )
    },
    "CupertinoSlider": {
        "": sig("", "onChangeStart onChangeEnd min max divisions activeColor thumbColor", "value onChanged")
    },
    "CupertinoSegmentedControl": {
        "": sig(
            "", "groupValue unselectedColor selectedColor borderColor pressedColor padding", "children onValueChanged"
        )
    },
    "CupertinoSlidingSegmentedControl": {
        "": sig("", "groupValue thumbColor padding backgroundColor", "children onValueChanged")
    },
    "CupertinoActivityIndicator": {
        "": sig("", "color animating radius"),
        "partiallyRevealed": sig("", "color radius progress"),
    },
    "CupertinoListSection": {
        name: sig(
            "",
            "children header footer margin backgroundColor decoration clipBehavior "
            "dividerMargin additionalDividerMargin topMargin hasLeading separatorColor",
        )
        for name in ("", "insetGrouped")
    },
    "CupertinoListTile": {
        name: sig(
            "",
            "subtitle additionalInfo leading trailing onTap backgroundColor "
            "backgroundColorActivated padding leadingSize leadingToTitle",
            "title",
        )
        for name in ("", "notched")
    },
    "CupertinoListTileChevron": {"": sig()},
    "CupertinoTabScaffold": {
        "": sig("", "controller backgroundColor resizeToAvoidBottomInset restorationId", "tabBar tabBuilder")
    },
    "CupertinoTabBar": {
        "": sig("", "onTap currentIndex backgroundColor activeColor inactiveColor iconSize height border", "items")
    },
    "CupertinoTabView": {
        "": sig(
            "",
            "builder navigatorKey defaultTitle routes onGenerateRoute onUnknownRoute "
            "navigatorObservers restorationScopeId",
        )
    },
    "CupertinoTabController": {"": sig("", "initialIndex")},
    "CupertinoTextField": {
        name: sig(
            "",
            "controller focusNode undoController decoration padding placeholder "
            "placeholderStyle prefix prefixMode suffix suffixMode clearButtonMode "
            "clearButtonSemanticLabel keyboardType textInputAction textCapitalization "
            "style strutStyle textAlign textAlignVertical textDirection readOnly "
            "toolbarOptions showCursor autofocus obscuringCharacter obscureText "
            "autocorrect smartDashesType smartQuotesType enableSuggestions maxLines "
            "minLines expands maxLength maxLengthEnforcement onChanged "
            "onEditingComplete onSubmitted onTapOutside inputFormatters enabled "
            "cursorWidth cursorHeight cursorRadius cursorOpacityAnimates cursorColor "
            "selectionHeightStyle selectionWidthStyle keyboardAppearance scrollPadding "
            "dragStartBehavior enableInteractiveSelection selectionControls onTap "
            "scrollController scrollPhysics autofillHints contentInsertionConfiguration "
            "clipBehavior restorationId scribbleEnabled enableIMEPersonalizedLearning "
            "contextMenuBuilder spellCheckConfiguration magnifierConfiguration",
        )
        for name in ("", "borderless")
    },
    "CupertinoContextMenu": {
        "": sig("", "enableHapticFeedback previewBuilder", "actions child"),
        "builder": sig("", "enableHapticFeedback", "actions builder"),
    },
    "CupertinoSearchTextField": {
        "": sig(
            "",
            "controller onChanged onSubmitted style placeholder placeholderStyle "
            "decoration backgroundColor borderRadius keyboardType padding itemColor "
            "itemSize prefixInsets prefixIcon suffixInsets suffixIcon suffixMode "
            "onSuffixTap restorationId focusNode smartQuotesType smartDashesType "
            "enableIMEPersonalizedLearning autofocus onTap autocorrect enabled",
        )
    },
    "CupertinoFormSection": {
        name: sig("", "header footer margin backgroundColor decoration clipBehavior", "children")
        for name in ("", "insetGrouped")
    },
    "CupertinoFormRow": {"": sig("", "prefix padding helper error", "child")},
    "CupertinoTextFormFieldRow": {
        "": sig(
            "",
            "prefix padding controller initialValue focusNode decoration "
            "keyboardType textCapitalization textInputAction style strutStyle "
            "textDirection textAlign textAlignVertical autofocus readOnly "
            "toolbarOptions showCursor obscuringCharacter obscureText autocorrect "
            "smartDashesType smartQuotesType enableSuggestions maxLines minLines "
            "expands maxLength onChanged onTap onEditingComplete onFieldSubmitted "
            "onSaved validator inputFormatters enabled cursorWidth cursorHeight "
            "cursorColor keyboardAppearance scrollPadding "
            "enableInteractiveSelection selectionControls scrollPhysics "
            "autofillHints autovalidateMode placeholder placeholderStyle "
            "contextMenuBuilder",
        )
    },
    "CupertinoTheme": {"": sig("", "", "data child")},
    "CupertinoContextMenuAction": {"": sig("", "isDefaultAction isDestructiveAction onPressed trailingIcon", "child")},
    "CupertinoScrollbar": {
        "": sig(
            "",
            "controller thumbVisibility thickness thicknessWhileDragging radius "
            "radiusWhileDragging notificationPredicate scrollbarOrientation",
            "child",
        )
    },
    "CupertinoRadio": {
        "": sig(
            "",
            "toggleable activeColor inactiveColor fillColor focusColor focusNode autofocus useCheckmarkStyle",
            "value groupValue onChanged",
        )
    },
    # --- slivers and scroll physics (issue 15) ---
    "CustomScrollView": {
        "": sig(
            "",
            "scrollDirection reverse controller primary physics scrollBehavior shrinkWrap "
            "center anchor cacheExtent slivers semanticChildCount dragStartBehavior "
            "keyboardDismissBehavior restorationId clipBehavior hitTestBehavior",
        )
    },
    "NestedScrollView": {
        "": sig(
            "",
            "controller scrollDirection reverse physics dragStartBehavior floatHeaderSlivers "
            "clipBehavior hitTestBehavior restorationId scrollBehavior",
            "headerSliverBuilder body",
        )
    },
    "SliverList": {
        "": sig("", "", "delegate"),
        "builder": sig("", _SLIVER_BUILDER, "itemBuilder"),
        "separated": sig("", _SLIVER_BUILDER, "itemBuilder separatorBuilder"),
        "list": sig("", "addAutomaticKeepAlives addRepaintBoundaries addSemanticIndexes", "children"),
    },
    "SliverFixedExtentList": {
        "": sig("", "", "delegate itemExtent"),
        "builder": sig("", _SLIVER_BUILDER, "itemBuilder itemExtent"),
        "list": sig("", "addAutomaticKeepAlives addRepaintBoundaries addSemanticIndexes", "children itemExtent"),
    },
    "SliverGrid": {
        "": sig("", "", "delegate gridDelegate"),
        "builder": sig("", _SLIVER_BUILDER, "gridDelegate itemBuilder"),
        "count": sig("", "mainAxisSpacing crossAxisSpacing childAspectRatio children", "crossAxisCount"),
        "extent": sig("", "mainAxisSpacing crossAxisSpacing childAspectRatio children", "maxCrossAxisExtent"),
    },
    "SliverChildBuilderDelegate": {
        "": sig(
            "builder",
            "findChildIndexCallback childCount addAutomaticKeepAlives "
            "addRepaintBoundaries addSemanticIndexes semanticIndexCallback "
            "semanticIndexOffset",
        )
    },
    "SliverChildListDelegate": {
        name: sig(
            "children",
            "addAutomaticKeepAlives addRepaintBoundaries addSemanticIndexes semanticIndexCallback semanticIndexOffset",
        )
        for name in ("", "fixed")
    },
    "SliverToBoxAdapter": {"": sig("", "child")},
    "SliverPadding": {"": sig("", "sliver", "padding")},
    "SliverFillRemaining": {"": sig("", "child hasScrollBody fillOverscroll")},
    "SliverAppBar": {
        name: sig(
            "",
            "leading automaticallyImplyLeading title actions flexibleSpace bottom elevation "
            "scrolledUnderElevation shadowColor surfaceTintColor forceElevated backgroundColor "
            "foregroundColor iconTheme actionsIconTheme primary centerTitle "
            "excludeHeaderSemantics titleSpacing collapsedHeight expandedHeight floating pinned "
            "snap stretch stretchTriggerOffset onStretchTrigger shape toolbarHeight "
            "leadingWidth toolbarTextStyle titleTextStyle systemOverlayStyle "
            "forceMaterialTransparency clipBehavior actionsPadding",
        )
        for name in ("", "medium", "large")
    },
    "FlexibleSpaceBar": {
        "": sig("", "title background centerTitle titlePadding collapseMode stretchModes expandedTitleScale")
    },
    "SliverOpacity": {"": sig("", "alwaysIncludeSemantics sliver", "opacity")},
    "SliverAnimatedOpacity": {"": sig("", "sliver curve onEnd alwaysIncludeSemantics", "opacity duration")},
    "SliverFadeTransition": {"": sig("", "alwaysIncludeSemantics sliver", "opacity")},
    "SliverIgnorePointer": {"": sig("", "ignoring ignoringSemantics sliver")},
    "SliverVisibility": {
        "": sig(
            "",
            "replacementSliver visible maintainState maintainAnimation maintainSize "
            "maintainSemantics maintainInteractivity",
            "sliver",
        )
    },
    "SliverSafeArea": {"": sig("", "left top right bottom minimum", "sliver")},
    "SliverMainAxisGroup": {"": sig("", "", "slivers")},
    "SliverConstrainedCrossAxis": {"": sig("", "", "maxExtent sliver")},
    "DecoratedSliver": {"": sig("", "position sliver", "decoration")},
    "SliverOverlapAbsorber": {"": sig("", "sliver", "handle")},
    "SliverOverlapInjector": {"": sig("", "sliver", "handle")},
    "CupertinoSliverNavigationBar": {
        "": sig(
            "",
            "largeTitle leading automaticallyImplyLeading "
            "automaticallyImplyTitle alwaysShowMiddle previousPageTitle middle "
            "trailing border backgroundColor brightness padding "
            "transitionBetweenRoutes heroTag stretch",
        )
    },
    "CupertinoSliverRefreshControl": {
        "": sig("", "refreshTriggerPullDistance refreshIndicatorExtent builder onRefresh")
    },
    **{
        name: {"": sig("", "parent")}
        for name in (
            "AlwaysScrollableScrollPhysics ClampingScrollPhysics "
            "NeverScrollableScrollPhysics PageScrollPhysics "
            "RangeMaintainingScrollPhysics ScrollPhysics"
        ).split()
    },
    "BouncingScrollPhysics": {"": sig("", "decelerationRate parent")},
    "ScrollBehavior": {"": sig()},
    "MaterialScrollBehavior": {"": sig()},
    "CupertinoScrollBehavior": {"": sig()},
    # --- behaviour only: focus, shortcuts, pointers, semantics, scroll configuration (issue 15) ---
    "Shortcuts": {"": sig("", "debugLabel", "shortcuts child"), "manager": sig("", "debugLabel", "manager child")},
    "Actions": {"": sig("", "dispatcher", "actions child")},
    "Focus": {
        "": sig(
            "",
            "focusNode parentNode autofocus onFocusChange onKeyEvent onKey canRequestFocus skipTraversal "
            "descendantsAreFocusable descendantsAreTraversable includeSemantics debugLabel",
            "child",
        )
    },
    "FocusScope": {
        "": sig(
            "",
            "node parentNode autofocus onFocusChange canRequestFocus skipTraversal onKeyEvent onKey debugLabel",
            "child",
        )
    },
    "FocusTraversalGroup": {"": sig("", "policy descendantsAreFocusable descendantsAreTraversable", "child")},
    "FocusTraversalOrder": {"": sig("", "", "order child")},
    "CallbackShortcuts": {"": sig("", "", "bindings child")},
    "MouseRegion": {"": sig("", "onEnter onExit onHover cursor opaque hitTestBehavior child")},
    "RawGestureDetector": {"": sig("", "child gestures behavior excludeFromSemantics semantics")},
    "Listener": {
        "": sig(
            "",
            "onPointerDown onPointerMove onPointerUp onPointerHover onPointerCancel "
            "onPointerPanZoomStart onPointerPanZoomUpdate onPointerPanZoomEnd onPointerSignal "
            "behavior child",
        )
    },
    "AbsorbPointer": {"": sig("", "absorbing ignoringSemantics child")},
    "IgnorePointer": {"": sig("", "ignoring ignoringSemantics child")},
    "ExcludeSemantics": {"": sig("", "excluding child")},
    "Semantics": {
        "": sig(
            "",
            "child container explicitChildNodes excludeSemantics blockUserActions enabled checked "
            "mixed selected toggled button slider keyboardKey link header textField readOnly "
            "focusable focused inMutuallyExclusiveGroup obscured multiline scopesRoute namesRoute "
            "hidden image liveRegion expanded maxValueLength currentValueLength identifier label "
            "attributedLabel value attributedValue increasedValue attributedIncreasedValue "
            "decreasedValue attributedDecreasedValue hint attributedHint tooltip onTapHint "
            "onLongPressHint textDirection sortKey tagForChildren onTap onLongPress onScrollLeft "
            "onScrollRight onScrollUp onScrollDown onIncrease onDecrease onCopy onCut onPaste "
            "onDismiss onMoveCursorForwardByCharacter onMoveCursorBackwardByCharacter "
            "onSetSelection onSetText onDidGainAccessibilityFocus onDidLoseAccessibilityFocus "
            "customSemanticsActions",
        )
    },
    "MergeSemantics": {"": sig("", "child")},
    "RepaintBoundary": {"": sig("", "child")},
    "KeyboardListener": {"": sig("", "autofocus includeSemantics onKeyEvent", "focusNode child")},
    "NotificationListener": {"": sig("", "onNotification", "child")},
    "PopScope": {"": sig("", "canPop onPopInvoked onPopInvokedWithResult", "child")},
    "WillPopScope": {"": sig("", "", "child onWillPop")},
    "SelectionArea": {
        "": sig("", "focusNode selectionControls contextMenuBuilder magnifierConfiguration onSelectionChanged", "child")
    },
    "SelectionContainer": {"": sig("", "registrar", "delegate child"), "disabled": sig("", "", "child")},
    **{
        name: {"": sig("", "enabled", "index child")}
        for name in ("ReorderableDragStartListener", "ReorderableDelayedDragStartListener")
    },
    "Directionality": {"": sig("", "", "textDirection child")},
    "Scrollbar": {
        "": sig(
            "",
            "controller thumbVisibility trackVisibility thickness radius notificationPredicate "
            "interactive scrollbarOrientation showTrackOnHover",
            "child",
        )
    },
    "RawScrollbar": {
        "": sig(
            "",
            "controller thumbVisibility shape radius thickness thumbColor minThumbLength "
            "minOverscrollLength trackVisibility trackRadius trackColor trackBorderColor "
            "fadeDuration timeToFade pressDuration notificationPredicate interactive "
            "scrollbarOrientation mainAxisMargin crossAxisMargin padding",
            "child",
        )
    },
    "ScrollConfiguration": {"": sig("", "", "behavior child")},
    "RefreshIndicator": {
        name: sig(
            "",
            "backgroundColor color displacement edgeOffset notificationPredicate "
            "semanticsLabel semanticsValue strokeWidth triggerMode",
            "child onRefresh",
        )
        for name in ("", "adaptive")
    },
    "PrimaryScrollController": {
        "": sig("", "automaticallyInheritForPlatforms scrollDirection", "controller child"),
        "none": sig("", "", "child"),
    },
    "TextFieldTapRegion": {"": sig("", "enabled onTapOutside onTapInside consumeOutsideTaps debugLabel", "child")},
    "TapRegion": {
        "": sig("", "enabled behavior onTapOutside onTapInside groupId consumeOutsideTaps debugLabel", "child")
    },
    "FocusableActionDetector": {
        "": sig(
            "",
            "enabled focusNode autofocus descendantsAreFocusable "
            "descendantsAreTraversable shortcuts actions onShowFocusHighlight "
            "onShowHoverHighlight onFocusChange mouseCursor includeFocusSemantics",
            "child",
        )
    },
    "SingleActivator": {"": sig("trigger", "control shift alt meta includeRepeats")},
    "CharacterActivator": {"": sig("character", "alt control meta includeRepeats")},
    "LogicalKeySet": {"": sig("key1 key2 key3 key4", optional_positional=3), "fromSet": sig("keys")},
    "CallbackAction": {"": sig("", "", "onInvoke")},
    "VoidCallbackIntent": {"": sig("callback")},
    "ActivateIntent": {"": sig()},
    "DoNothingAction": {"": sig("", "consumesKey")},
    "NumericFocusOrder": {"": sig("order")},
    "OrderedTraversalPolicy": {"": sig("", "secondary requestFocusCallback")},
    "ReadingOrderTraversalPolicy": {"": sig("", "requestFocusCallback")},
    # --- widget-state properties, resolved for the states a first frame shows (issue 15) ---
    **{
        f"{prefix}{kind}": {"resolveWith": sig("callback"), "all": sig("value")}
        for prefix in ("Material", "Widget")
        for kind in ("StateProperty", "StateColor", "StateTextStyle", "StateBorderSide", "StateOutlinedBorder")
    },
    # --- theme data of ThemeData's sub-themes (issue 15) ---
    "TextTheme": {
        "": sig(
            "",
            "displayLarge displayMedium displaySmall headlineLarge headlineMedium headlineSmall "
            "titleLarge titleMedium titleSmall bodyLarge bodyMedium bodySmall labelLarge labelMedium "
            "labelSmall",
        )
    },
    **{f"{kind}ButtonThemeData": {"": sig("", "style")} for kind in ("Elevated", "Filled", "Outlined", "Text", "Icon")},
    "InputDecorationTheme": {
        "": sig(
            "",
            "labelStyle floatingLabelStyle helperStyle helperMaxLines hintStyle "
            "hintFadeDuration errorStyle errorMaxLines floatingLabelBehavior "
            "floatingLabelAlignment isDense contentPadding isCollapsed iconColor "
            "prefixStyle prefixIconColor suffixStyle suffixIconColor counterStyle filled "
            "fillColor activeIndicatorBorder outlineBorder focusColor hoverColor "
            "errorBorder focusedBorder focusedErrorBorder disabledBorder enabledBorder "
            "border alignLabelWithHint constraints",
        )
    },
    **{
        name: {"": sig("", "clipBehavior color shadowColor surfaceTintColor elevation margin shape")}
        for name in ("CardTheme", "CardThemeData")
    },
    "TooltipThemeData": {
        "": sig(
            "",
            "height padding margin verticalOffset preferBelow excludeFromSemantics "
            "decoration textStyle textAlign waitDuration showDuration exitDuration "
            "triggerMode enableFeedback constraints",
        )
    },
    "DividerThemeData": {"": sig("", "color space thickness indent endIndent")},
    "ListTileThemeData": {
        "": sig(
            "",
            "dense shape style selectedColor iconColor textColor titleTextStyle "
            "subtitleTextStyle leadingAndTrailingTextStyle contentPadding tileColor "
            "selectedTileColor horizontalTitleGap minVerticalPadding minLeadingWidth "
            "minTileHeight enableFeedback mouseCursor visualDensity titleAlignment "
            "isThreeLine controlAffinity",
        )
    },
    "FloatingActionButtonThemeData": {
        "": sig(
            "",
            "foregroundColor backgroundColor focusColor hoverColor splashColor "
            "elevation focusElevation hoverElevation disabledElevation "
            "highlightElevation shape enableFeedback iconSize sizeConstraints "
            "smallSizeConstraints largeSizeConstraints extendedSizeConstraints "
            "extendedIconLabelSpacing extendedPadding extendedTextStyle "
            "mouseCursor",
        )
    },
    "NavigationBarThemeData": {
        "": sig(
            "",
            "height backgroundColor elevation shadowColor surfaceTintColor "
            "indicatorColor indicatorShape labelTextStyle iconTheme labelBehavior "
            "overlayColor labelPadding",
        )
    },
    "CheckboxThemeData": {
        "": sig(
            "",
            "mouseCursor fillColor checkColor overlayColor splashRadius materialTapTargetSize visualDensity shape side",
        )
    },
    "RadioThemeData": {
        "": sig("", "mouseCursor fillColor overlayColor splashRadius materialTapTargetSize visualDensity")
    },
    "SwitchThemeData": {
        "": sig(
            "",
            "thumbColor trackColor trackOutlineColor trackOutlineWidth "
            "materialTapTargetSize mouseCursor overlayColor splashRadius thumbIcon padding",
        )
    },
    "ProgressIndicatorThemeData": {
        "": sig("", "color linearTrackColor linearMinHeight circularTrackColor refreshBackgroundColor")
    },
    **{
        name: {
            "": sig(
                "",
                "indicator indicatorColor indicatorSize dividerColor dividerHeight labelColor labelPadding "
                "labelStyle unselectedLabelColor unselectedLabelStyle overlayColor splashFactory "
                "mouseCursor tabAlignment",
            )
        }
        for name in ("TabBarTheme", "TabBarThemeData")
    },
    "SnackBarThemeData": {
        "": sig(
            "",
            "backgroundColor actionTextColor disabledActionTextColor contentTextStyle "
            "elevation shape behavior width insetPadding showCloseIcon closeIconColor "
            "actionOverflowThreshold actionBackgroundColor disabledActionBackgroundColor "
            "dismissDirection",
        )
    },
    "PopupMenuThemeData": {
        "": sig(
            "",
            "color shape elevation shadowColor surfaceTintColor textStyle labelTextStyle "
            "enableFeedback mouseCursor position iconColor iconSize",
        )
    },
    # --- tables, menus, search, panels (issue 15) ---
    "DataTable": {
        "": sig(
            "",
            "sortColumnIndex sortAscending onSelectAll decoration dataRowColor dataRowHeight "
            "dataRowMinHeight dataRowMaxHeight dataTextStyle headingRowColor headingRowHeight "
            "headingTextStyle horizontalMargin columnSpacing showCheckboxColumn showBottomBorder "
            "dividerThickness checkboxHorizontalMargin border clipBehavior",
            "columns rows",
        )
    },
    "DataColumn": {"": sig("", "tooltip numeric onSort mouseCursor headingRowAlignment", "label")},
    "DataRow": {
        "": sig("", "selected onSelectChanged onLongPress color mouseCursor", "cells"),
        "byIndex": sig("", "index selected onSelectChanged onLongPress color mouseCursor", "cells"),
    },
    "DataCell": {"": sig("child", "placeholder showEditIcon onTap onLongPress onTapDown onDoubleTap onTapCancel")},
    "PopupMenuButton": {
        "": sig(
            "",
            "initialValue onOpened onSelected onCanceled tooltip elevation shadowColor "
            "surfaceTintColor padding child splashRadius icon iconSize offset enabled shape "
            "color iconColor enableFeedback constraints position clipBehavior "
            "useRootNavigator popUpAnimationStyle menuPadding style requestFocus",
            "itemBuilder",
        )
    },
    "PopupMenuItem": {"": sig("", "value onTap enabled height padding textStyle labelTextStyle mouseCursor", "child")},
    "CheckedPopupMenuItem": {
        "": sig("", "value checked enabled padding height labelTextStyle mouseCursor child onTap")
    },
    "PopupMenuDivider": {"": sig("", "height")},
    "SearchAnchor": {
        "": sig(
            "",
            "isFullScreen searchController viewBuilder viewLeading viewTrailing viewHintText "
            "viewBackgroundColor viewElevation viewSurfaceTintColor viewSide viewShape "
            "headerHeight headerTextStyle headerHintStyle dividerColor viewConstraints "
            "textCapitalization viewOnChanged viewOnSubmitted textInputAction keyboardType",
            "builder suggestionsBuilder",
        ),
        "bar": sig(
            "",
            "barLeading barTrailing barHintText onTap onSubmitted onChanged barElevation "
            "barBackgroundColor barOverlayColor barSide barShape barPadding barTextStyle "
            "barHintStyle viewLeading viewTrailing viewHintText viewBackgroundColor "
            "viewElevation viewSide viewShape viewHeaderHeight viewHeaderTextStyle "
            "viewHeaderHintStyle dividerColor constraints viewConstraints isFullScreen "
            "searchController textCapitalization textInputAction keyboardType",
            "suggestionsBuilder",
        ),
    },
    "SearchBar": {
        "": sig(
            "",
            "controller focusNode hintText leading trailing onTap onChanged onSubmitted constraints "
            "elevation backgroundColor shadowColor surfaceTintColor overlayColor side shape padding "
            "textStyle hintStyle textCapitalization enabled autoFocus textInputAction keyboardType",
        )
    },
    "SearchController": {"": sig()},
    "MenuController": {"": sig()},
    # MenuAnchor at rest: its builder's (or child's) widget; the menu and its buttons exist only open
    "MenuAnchor": {
        "": sig(
            "",
            "controller childFocusNode style alignmentOffset clipBehavior consumeOutsideTap "
            "onOpen onClose crossAxisUnconstrained builder child anchorTapClosesMenu",
            "menuChildren",
        )
    },
    "CheckboxMenuButton": {
        "": sig(
            "",
            "tristate isError mouseCursor style statesController clipBehavior "
            "trailingIcon closeOnActivate focusNode shortcut",
            "value onChanged child",
        )
    },
    "RadioMenuButton": {
        "": sig(
            "",
            "toggleable mouseCursor style statesController clipBehavior trailingIcon "
            "closeOnActivate focusNode shortcut",
            "value groupValue onChanged child",
        )
    },
    "Autocomplete": {
        "": sig(
            "",
            "displayStringForOption fieldViewBuilder onSelected optionsMaxHeight "
            "optionsViewBuilder optionsViewOpenDirection initialValue",
            "optionsBuilder",
        )
    },
    "RawAutocomplete": {
        "": sig(
            "",
            "optionsViewOpenDirection displayStringForOption fieldViewBuilder focusNode "
            "onSelected textEditingController initialValue",
            "optionsViewBuilder optionsBuilder",
        )
    },
    "TextEditingValue": {"": sig("", "text selection composing")},
    "TextSelection": {
        "": sig("", "affinity isDirectional", "baseOffset extentOffset"),
        "collapsed": sig("", "affinity", "offset"),
    },
    "ReorderableListView": {
        "": sig("", _REORDERABLE, "children onReorder"),
        "builder": sig("", _REORDERABLE, "itemBuilder itemCount onReorder"),
    },
    "ExpansionTile": {
        "": sig(
            "",
            "leading subtitle onExpansionChanged children trailing initiallyExpanded "
            "maintainState tilePadding expandedCrossAxisAlignment expandedAlignment "
            "childrenPadding backgroundColor collapsedBackgroundColor textColor "
            "collapsedTextColor iconColor collapsedIconColor shape collapsedShape clipBehavior "
            "controlAffinity controller dense visualDensity enableFeedback enabled "
            "expansionAnimationStyle showTrailingIcon minTileHeight internalAddSemanticForOnTap",
            "title",
        )
    },
    "ExpansionTileController": {"": sig()},
    "SegmentedButton": {
        "": sig(
            "",
            "onSelectionChanged multiSelectionEnabled emptySelectionAllowed style "
            "showSelectedIcon selectedIcon direction expandedInsets",
            "segments selected",
        ),
        "styleFrom": sig(
            "",
            "foregroundColor backgroundColor selectedForegroundColor "
            "selectedBackgroundColor disabledForegroundColor disabledBackgroundColor "
            "shadowColor surfaceTintColor elevation textStyle padding minimumSize "
            "fixedSize maximumSize side shape enabledMouseCursor disabledMouseCursor "
            "visualDensity tapTargetSize animationDuration enableFeedback alignment "
            "splashFactory",
        ),
    },
    "ButtonSegment": {"": sig("", "icon label tooltip enabled", "value")},
    "NavigationRail": {
        "": sig(
            "",
            "backgroundColor extended leading trailing onDestinationSelected elevation "
            "groupAlignment labelType unselectedLabelTextStyle selectedLabelTextStyle "
            "unselectedIconTheme selectedIconTheme minWidth minExtendedWidth useIndicator "
            "indicatorColor indicatorShape scrollable leadingAtTop trailingAtBottom",
            "destinations selectedIndex",
        )
    },
    "NavigationRailDestination": {
        "": sig("", "selectedIcon indicatorColor indicatorShape padding disabled", "icon label")
    },
    "PageView": {
        "": sig("", _PAGE_VIEW + " children"),
        "builder": sig("", _PAGE_VIEW + " findChildIndexCallback itemCount", "itemBuilder"),
        "custom": sig("", _PAGE_VIEW, "childrenDelegate"),
    },
    "PageController": {"": sig("", "initialPage keepPage viewportFraction onAttach onDetach")},
    "BottomAppBar": {
        "": sig("", "color elevation shape clipBehavior notchMargin child padding surfaceTintColor shadowColor height")
    },
    "CircularNotchedRectangle": {"": sig()},
    "Stepper": {
        "": sig(
            "",
            "controller physics type currentStep onStepTapped onStepContinue onStepCancel "
            "controlsBuilder elevation margin connectorColor connectorThickness stepIconBuilder "
            "stepIconHeight stepIconWidth stepIconMargin",
            "steps",
        )
    },
    "Step": {"": sig("", "subtitle state isActive label stepStyle", "title content")},
    # --- value classes ---
    "EdgeInsets": {
        "all": sig("value"),
        "symmetric": sig("", "vertical horizontal"),
        "only": sig("", "left top right bottom"),
        "fromLTRB": sig("left top right bottom"),
    },
    "EdgeInsetsDirectional": {
        "all": sig("value"),
        "symmetric": sig("", "vertical horizontal"),
        "only": sig("", "start top end bottom"),
        "fromSTEB": sig("start top end bottom"),
    },
    "BorderRadius": {
        "circular": sig("radius"),
        "all": sig("radius"),
        "only": sig("", "topLeft topRight bottomLeft bottomRight"),
        "vertical": sig("", "top bottom"),
        "horizontal": sig("", "left right"),
    },
    "Radius": {"circular": sig("radius"), "elliptical": sig("x y")},
    "BoxDecoration": {"": sig("", "color image border borderRadius boxShadow gradient backgroundBlendMode shape")},
    "ShapeDecoration": {"": sig("", "color image gradient shadows", "shape")},
    "BoxShadow": {"": sig("", "color offset blurRadius spreadRadius blurStyle")},
    "Border": {
        "": sig("", "top right bottom left"),
        "all": sig("", "color width style strokeAlign"),
        "symmetric": sig("", "vertical horizontal"),
        "fromBorderSide": sig("side"),
    },
    "HSVColor": {"fromAHSV": sig("alpha hue saturation value")},
    "BorderSide": {"": sig("", "color width style strokeAlign")},
    "TextStyle": {
        "": sig(
            "",
            "inherit color backgroundColor fontSize fontWeight fontStyle letterSpacing wordSpacing "
            "textBaseline height leadingDistribution locale foreground background shadows "
            "fontFeatures fontVariations decoration decorationColor decorationStyle "
            "decorationThickness debugLabel fontFamily fontFamilyFallback package overflow",
        )
    },
    "RoundedRectangleBorder": {"": sig("", "side borderRadius")},
    "StadiumBorder": {"": sig("", "side")},
    "CircleBorder": {"": sig("", "side eccentricity")},
    "Offset": {"": sig("dx dy")},
    "Matrix4": {
        "identity": sig(),
        "translationValues": sig("x y z"),
        "diagonal3Values": sig("x y z"),
        "rotationX": sig("radians"),
        "rotationY": sig("radians"),
        "rotationZ": sig("radians"),
        "skewX": sig("alpha"),
        "skewY": sig("beta"),
    },
    "Size": {
        "": sig("width height"),
        "square": sig("dimension"),
        "fromHeight": sig("height"),
        "fromWidth": sig("width"),
    },
    "BoxConstraints": {
        "": sig("", "minWidth maxWidth minHeight maxHeight"),
        "tightFor": sig("", "width height"),
        "expand": sig("", "width height"),
        "tight": sig("size"),
    },
    "LinearGradient": {"": sig("", "begin end stops tileMode transform", "colors")},
    "RadialGradient": {"": sig("", "center radius stops tileMode focal focalRadius transform", "colors")},
    "SweepGradient": {"": sig("", "center startAngle endAngle stops tileMode transform", "colors")},
    "SystemUiOverlayStyle": {
        "": sig(
            "",
            "systemNavigationBarColor systemNavigationBarDividerColor "
            "systemNavigationBarIconBrightness systemNavigationBarContrastEnforced "
            "statusBarColor statusBarBrightness statusBarIconBrightness "
            "systemStatusBarContrastEnforced",
        )
    },
    "Alignment": {"": sig("x y")},
    "Color": {"": sig("value"), "fromARGB": sig("a r g b"), "fromRGBO": sig("r g b opacity")},
    "Duration": {"": sig("", "days hours minutes seconds milliseconds microseconds")},
    "ThemeData": {
        "": sig("", _THEME_DATA),
        "light": sig("", "useMaterial3"),
        "dark": sig("", "useMaterial3"),
        "from": sig("", "textTheme useMaterial3", "colorScheme"),
    },
    "ColorScheme": {
        "fromSeed": sig("", _COLOR_SCHEME + " dynamicSchemeVariant contrastLevel", "seedColor"),
        "light": sig("", _COLOR_SCHEME),
        "dark": sig("", _COLOR_SCHEME),
    },
    "AppBarTheme": {
        "": sig(
            "",
            "color backgroundColor foregroundColor elevation scrolledUnderElevation shadowColor "
            "surfaceTintColor shape iconTheme actionsIconTheme centerTitle titleSpacing "
            "leadingWidth toolbarHeight toolbarTextStyle titleTextStyle systemOverlayStyle "
            "actionsPadding",
        )
    },
    "IconTheme": {"": sig("", "", "data child"), "merge": sig("", "", "data child")},
    "IconThemeData": {"": sig("", "size fill weight grade opticalSize color opacity shadows applyTextScaling")},
}

# enum-like types -> their constants (static members that are values, e.g. MainAxisAlignment.center)
_ALIGNMENTS = "topLeft topCenter topRight centerLeft center centerRight bottomLeft bottomCenter bottomRight"
_ALIGNMENTS_DIRECTIONAL = "topStart topCenter topEnd centerStart center centerEnd bottomStart bottomCenter bottomEnd"
ENUMS: dict[str, frozenset[str]] = {
    name: frozenset(values.split())
    for name, values in {
        "MainAxisAlignment": "start end center spaceBetween spaceAround spaceEvenly",
        "CrossAxisAlignment": "start end center stretch baseline",
        "MainAxisSize": "min max",
        "TextAlign": "left right center justify start end",
        "TextOverflow": "clip fade ellipsis visible",
        "FontWeight": "w100 w200 w300 w400 w500 w600 w700 w800 w900 normal bold",
        "FontStyle": "normal italic",
        "TextDecoration": "none underline overline lineThrough",
        "TextDecorationStyle": "solid double dotted dashed wavy",
        "TextBaseline": "alphabetic ideographic",
        "TextDirection": "ltr rtl",
        "VerticalDirection": "up down",
        "OverflowBarAlignment": "start end center",
        "OverflowBoxFit": "max deferToChild",
        "Alignment": _ALIGNMENTS,
        "AlignmentDirectional": _ALIGNMENTS_DIRECTIONAL,
        "BoxFit": "fill contain cover fitWidth fitHeight none scaleDown",
        "BoxShape": "rectangle circle",
        "Axis": "horizontal vertical",
        "Clip": "none hardEdge antiAlias antiAliasWithSaveLayer",
        "StackFit": "loose expand passthrough",
        "FlexFit": "tight loose",
        "WrapAlignment": "start end center spaceBetween spaceAround spaceEvenly",
        "WrapCrossAlignment": "start end center",
        "BorderStyle": "none solid",
        "TextInputType": "text multiline number phone datetime emailAddress url visiblePassword name "
        "streetAddress none",
        "TextInputAction": "none unspecified done go search send next previous continueAction join route "
        "emergencyCall newline",
        "TextCapitalization": "words sentences characters none",
        "FloatingActionButtonLocation": "startTop miniStartTop centerTop miniCenterTop endTop miniEndTop startFloat "
        "miniStartFloat centerFloat miniCenterFloat endFloat miniEndFloat "
        "startDocked miniStartDocked centerDocked miniCenterDocked endDocked "
        "miniEndDocked endContained",
        "BottomNavigationBarType": "fixed shifting",
        "NavigationDestinationLabelBehavior": "alwaysShow alwaysHide onlyShowSelected",
        "MaterialTapTargetSize": "padded shrinkWrap",
        "VisualDensity": "standard comfortable compact adaptivePlatformDensity",
        "Brightness": "light dark",
        "ThemeMode": "system light dark",
        "ListTileControlAffinity": "leading trailing platform",
        "TabBarIndicatorSize": "tab label",
        "TabAlignment": "start startOffset fill center",
        "NavigationRailLabelType": "none selected all",
        "StepState": "indexed editing complete disabled error",
        "StepperType": "vertical horizontal",
        "MaterialType": "canvas card circle button transparency",
        "FlutterLogoStyle": "markOnly horizontal stacked",
        "CrossFadeState": "showFirst showSecond",
        "AnimationStatus": "dismissed forward reverse completed",
        "MaterialState": "hovered focused pressed dragged selected scrolledUnder disabled error",
        "WidgetState": "hovered focused pressed dragged selected scrolledUnder disabled error",
        "Orientation": "portrait landscape",
        "AnimatedIcons": "add_event arrow_menu close_menu ellipsis_search event_add home_menu list_view menu_arrow "
        "menu_close menu_home pause_play play_pause search_ellipsis view_list",
        "FloatingLabelBehavior": "never auto always",
        "AutovalidateMode": "disabled always onUserInteraction onUnfocus",
        "ImageRepeat": "repeat repeatX repeatY noRepeat",
        "BlurStyle": "normal solid outer inner",
        "StrokeCap": "butt round square",
        "TileMode": "clamp repeated mirror decal",
        "HitTestBehavior": "deferToChild opaque translucent",
        "DragStartBehavior": "down start",
        "ScrollViewKeyboardDismissBehavior": "manual onDrag",
        "DynamicSchemeVariant": "tonalSpot fidelity monochrome neutral vibrant expressive content rainbow fruitSalad",
        "ConnectionState": "none waiting active done",
        "AxisDirection": "up right down left",
        "GrowthDirection": "forward reverse",
        "ScrollDirection": "idle forward reverse",
        "AppLifecycleState": "detached resumed inactive hidden paused",
        "PanAxis": "free aligned horizontal vertical",
        # the system's mouse cursors (services/mouse_cursor.dart): a still frame shows no pointer
        "SystemMouseCursors": "alias allScroll basic cell click contextMenu copy disappearing forbidden grab grabbing "
        "help move noDrop none precise progress resizeColumn resizeDown resizeDownLeft "
        "resizeDownRight resizeLeft resizeLeftRight resizeRight resizeRow resizeUp resizeUpDown "
        "resizeUpLeft resizeUpLeftDownRight resizeUpRight resizeUpRightDownLeft text verticalText "
        "wait zoomIn zoomOut",
        "TooltipTriggerMode": "manual longPress tap",
        "SnackBarBehavior": "fixed floating",
        "StretchMode": "zoomBackground blurBackground fadeTitle",
    }.items()
}

# The keys of LogicalKeyboardKey (services/keyboard_key.g.dart): they only name shortcuts, which draw nothing.
ENUMS["LogicalKeyboardKey"] = frozenset(
    (
        "space exclamation quote numberSign dollar percent ampersand quoteSingle parenthesisLeft parenthesisRight "
        "asterisk add comma minus period slash digit0 digit1 digit2 digit3 digit4 digit5 digit6 digit7 digit8 digit9 "
        "colon semicolon less equal greater question at bracketLeft backslash bracketRight caret underscore backquote "
        "keyA keyB keyC keyD keyE keyF keyG keyH keyI keyJ keyK keyL keyM keyN keyO keyP keyQ keyR keyS keyT keyU "
        "keyV keyW keyX keyY keyZ braceLeft bar braceRight tilde unidentified backspace tab enter escape delete accel "
        "altGraph capsLock fn fnLock hyper numLock scrollLock superKey symbol symbolLock shiftLevel5 arrowDown "
        "arrowLeft arrowRight arrowUp end home pageDown pageUp clear copy crSel cut eraseEof exSel insert paste redo "
        "undo accept again attn cancel contextMenu execute find help pause play props select zoomIn zoomOut "
        "brightnessDown brightnessUp camera eject logOff power powerOff printScreen hibernate standby wakeUp "
        "allCandidates alphanumeric codeInput compose convert finalMode groupFirst groupLast groupNext groupPrevious "
        "modeChange nextCandidate nonConvert previousCandidate process singleCandidate hangulMode hanjaMode junjaMode "
        "eisu hankaku hiragana hiraganaKatakana kanaMode kanjiMode katakana romaji zenkaku zenkakuHankaku f1 f2 f3 f4 "
        "f5 f6 f7 f8 f9 f10 f11 f12 f13 f14 f15 f16 f17 f18 f19 f20 f21 f22 f23 f24 soft1 soft2 soft3 soft4 soft5 "
        "soft6 soft7 soft8 close mailForward mailReply mailSend mediaPlayPause mediaStop mediaTrackNext "
        "mediaTrackPrevious newKey open print save spellCheck audioVolumeDown audioVolumeUp audioVolumeMute "
        "launchApplication2 launchCalendar launchMail launchMediaPlayer launchMusicPlayer launchApplication1 "
        "launchScreenSaver launchSpreadsheet launchWebBrowser launchWebCam launchWordProcessor launchContacts "
        "launchPhone launchAssistant launchControlPanel browserBack browserFavorites browserForward browserHome "
        "browserRefresh browserSearch browserStop audioBalanceLeft audioBalanceRight audioBassBoostDown "
        "audioBassBoostUp audioFaderFront audioFaderRear audioSurroundModeNext avrInput avrPower channelDown "
        "channelUp colorF0Red colorF1Green colorF2Yellow colorF3Blue colorF4Grey colorF5Brown closedCaptionToggle "
        "dimmer displaySwap exit favoriteClear0 favoriteClear1 favoriteClear2 favoriteClear3 favoriteRecall0 "
        "favoriteRecall1 favoriteRecall2 favoriteRecall3 favoriteStore0 favoriteStore1 favoriteStore2 favoriteStore3 "
        "guide guideNextDay guidePreviousDay info instantReplay link listProgram liveContent lock mediaApps "
        "mediaFastForward mediaLast mediaPause mediaPlay mediaRecord mediaRewind mediaSkip nextFavoriteChannel "
        "nextUserProfile onDemand pInPDown pInPMove pInPToggle pInPUp playSpeedDown playSpeedReset playSpeedUp "
        "randomToggle rcLowBattery recordSpeedNext rfBypass scanChannelsToggle screenModeNext settings "
        "splitScreenToggle stbInput stbPower subtitle teletext tv tvInput tvPower videoModeNext wink zoomToggle dvr "
        "mediaAudioTrack mediaSkipBackward mediaSkipForward mediaStepBackward mediaStepForward mediaTopMenu "
        "navigateIn navigateNext navigateOut navigatePrevious pairing mediaClose audioBassBoostToggle audioTrebleDown "
        "audioTrebleUp microphoneToggle microphoneVolumeDown microphoneVolumeUp microphoneVolumeMute "
        "speechCorrectionList speechInputToggle appSwitch call cameraFocus endCall goBack goHome headsetHook "
        "lastNumberRedial notification mannerMode voiceDial tv3DMode tvAntennaCable tvAudioDescription "
        "tvAudioDescriptionMixDown tvAudioDescriptionMixUp tvContentsMenu tvDataService tvInputComponent1 "
        "tvInputComponent2 tvInputComposite1 tvInputComposite2 tvInputHDMI1 tvInputHDMI2 tvInputHDMI3 tvInputHDMI4 "
        "tvInputVGA1 tvMediaContext tvNetwork tvNumberEntry tvRadioService tvSatellite tvSatelliteBS tvSatelliteCS "
        "tvSatelliteToggle tvTerrestrialAnalog tvTerrestrialDigital tvTimer key11 key12 suspend resume sleep abort "
        "lang1 lang2 lang3 lang4 lang5 intlBackslash intlRo intlYen controlLeft controlRight shiftLeft shiftRight "
        "altLeft altRight metaLeft metaRight control shift alt meta numpadEnter numpadParenLeft numpadParenRight "
        "numpadMultiply numpadAdd numpadComma numpadSubtract numpadDecimal numpadDivide numpad0 numpad1 numpad2 "
        "numpad3 numpad4 numpad5 numpad6 numpad7 numpad8 numpad9 numpadEqual gameButton1 gameButton2 gameButton3 "
        "gameButton4 gameButton5 gameButton6 gameButton7 gameButton8 gameButton9 gameButton10 gameButton11 "
        "gameButton12 gameButton13 gameButton14 gameButton15 gameButton16 gameButtonA gameButtonB gameButtonC "
        "gameButtonLeft1 gameButtonLeft2 gameButtonMode gameButtonRight1 gameButtonRight2 gameButtonSelect "
        "gameButtonStart gameButtonThumbLeft gameButtonThumbRight gameButtonX gameButtonY gameButtonZ "
    ).split()
)

# Static members that are values (`EdgeInsets.zero`): the front end substitutes the IR value given here.
CONSTANTS: dict[str, Any] = {
    "EdgeInsets.zero": DartObject("EdgeInsets", "all", (0,)),
    "EdgeInsetsDirectional.zero": DartObject("EdgeInsetsDirectional", "all", (0,)),
    "BorderRadius.zero": DartObject("BorderRadius", "circular", (0,)),
    "Radius.zero": DartObject("Radius", "circular", (0,)),
    "Offset.zero": DartObject("Offset", "", (0, 0)),
    "Size.zero": DartObject("Size", "", (0, 0)),
    "BorderSide.none": DartObject("BorderSide", "", (), {"width": 0, "style": None}),
    "InputBorder.none": DartObject("InputBorder", "none"),
    "TextEditingValue.empty": DartObject("TextEditingValue", "", (), {"text": ""}),
    # painting/borders.dart: where a side's stroke lies relative to the box's edge
    "BorderSide.strokeAlignInside": -1.0,
    "BorderSide.strokeAlignCenter": 0.0,
    "BorderSide.strokeAlignOutside": 1.0,
    "TextMagnifierConfiguration.disabled": DartObject("TextMagnifierConfiguration", "disabled"),
    "kAlwaysCompleteAnimation": DartObject("AlwaysStoppedAnimation", "", (1.0,)),
    "kAlwaysDismissedAnimation": DartObject("AlwaysStoppedAnimation", "", (0.0,)),
    # services/system_chrome.dart: the status and navigation bar styles (no system UI is drawn here)
    "SystemUiOverlayStyle.light": DartObject("SystemUiOverlayStyle", "light"),
    "SystemUiOverlayStyle.dark": DartObject("SystemUiOverlayStyle", "dark"),
    "double.infinity": float("inf"),
    "double.maxFinite": 1.7976931348623157e308,
    "double.nan": float("nan"),
    # cupertino/context_menu.dart: the opened child's shadow, and where the press-and-hold part of the
    # builder's animation ends (_previewLongPressTimeout 800 ms of 800 + the 335 ms modal transition).
    "CupertinoContextMenu.kEndBoxShadow": [
        DartObject("BoxShadow", "", (), {"color": ColorValue("#40000000"), "blurRadius": 10.0, "spreadRadius": 0.5})
    ],
    "CupertinoContextMenu.animationOpensAt": 800 / (800 + 335),
}

# real Flutter classes the embedded backend does not reproduce (-> ErrorKind.UNSUPPORTED)
UNSUPPORTED: frozenset[str] = frozenset(
    (
        "CustomPaint CustomPainter CustomMultiChildLayout CustomSingleChildLayout "
        "IntrinsicHeight IntrinsicWidth "
        "LimitedBox UnconstrainedBox Baseline Table TableRow "
        "CupertinoAlertDialog CupertinoDialogAction "
        "NavigationDrawer NavigationDrawerDestination "
        "SnackBar Dialog "
        "SimpleDialog SimpleDialogOption BackdropFilter ShaderMask ColorFiltered ClipPath ImageFiltered "
        "UserAccountsDrawerHeader "
        "Flow ListWheelScrollView "
        "MediaQuery "
        "CalendarDatePicker YearPicker "
        "DatePickerDialog TimePickerDialog SelectableText"
    ).split()
)


def lookup(type_name: str, ctor: str = "") -> Signature | None:
    """The signature of `type_name.ctor`, or None when the catalog has no such constructor."""
    return CLASSES.get(type_name, {}).get(ctor)
